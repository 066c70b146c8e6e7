package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape every module and stack keeps (terraform-aws-modules style), checked on the parsed HCL.
 */
class TerraformStructureTest {

  private static final List<String> STANDARD_FILES =
      List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md");

  /** Variables whose value is a credential, by name. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "run_token|freee_client_id|redis_url|secrets|.*(secret|token|password|api_key).*");

  /**
   * Named like a secret but holding none: the list of the secrets' names, a setting of the secret
   * store, and the public URL of freee's token endpoint (FREEE_TOKEN_URL).
   */
  private static final Set<String> NOT_SECRETS =
      Set.of("secret_names", "secret_recovery_window_days", "freee_token_url");

  /** Text in an output's value (locals expanded) that means the output carries a secret. */
  private static final List<String> SECRET_MARKERS =
      List.of(
          "var.secrets",
          "local.secrets",
          "password",
          "secret_string",
          "secret_data",
          "var.run_token",
          "var.freee_");

  @Test
  void modulesAndStacks_haveTheStandardFiles() {
    // given
    List<Path> directories = new ArrayList<>();
    RepositoryLayout.MODULES.forEach(m -> directories.add(RepositoryLayout.module(m)));
    RepositoryLayout.CLOUDS.forEach(c -> directories.add(RepositoryLayout.stack(c)));

    // when
    List<String> missing = new ArrayList<>();
    for (Path dir : directories) {
      STANDARD_FILES.stream()
          .filter(f -> !Files.isRegularFile(dir.resolve(f)))
          .forEach(f -> missing.add(dir.resolve(f).toString()));
    }
    RepositoryLayout.CLOUDS.stream()
        .map(c -> RepositoryLayout.stack(c).resolve("terraform.tfvars.example"))
        .filter(f -> !Files.isRegularFile(f))
        .forEach(f -> missing.add(f.toString()));

    // then
    assertEquals(List.of(), missing, "missing files");
  }

  /**
   * What the stacks, the function modules and the monitoring modules have alike is written once
   * under terraform/shared, and the deployment's name with its rule once in app-config's name.tf; a
   * copy in place of a link would drift unseen.
   */
  @Test
  void sharedFiles_areLinkedNotCopied() throws IOException {
    // given
    Path shared = RepositoryLayout.terraform().resolve("shared");
    Map<Path, Path> links = new LinkedHashMap<>();
    for (String cloud : RepositoryLayout.CLOUDS) {
      links.put(RepositoryLayout.stack(cloud).resolve("stack.tf"), shared.resolve("stack.tf"));
      links.put(
          RepositoryLayout.stack(cloud).resolve("alerting.tf"), shared.resolve("alerting.tf"));
      links.put(
          RepositoryLayout.module(cloud + "-function").resolve("shared.tf"),
          shared.resolve("function.tf"));
      links.put(
          RepositoryLayout.module(cloud + "-monitoring").resolve("inputs.tf"),
          shared.resolve("monitoring.tf"));
      links.put(
          RepositoryLayout.module(cloud + "-monitoring").resolve("alerting.tf"),
          shared.resolve("alerting.tf"));
    }
    Path name = RepositoryLayout.module("app-config").resolve("name.tf");
    for (String module : List.of("azure-names", "azure-function")) {
      links.put(RepositoryLayout.module(module).resolve("name.tf"), name);
    }

    // when
    List<String> notLinked = new ArrayList<>();
    for (Map.Entry<Path, Path> link : links.entrySet()) {
      if (!Files.isSymbolicLink(link.getKey())
          || !Files.isSameFile(link.getKey(), link.getValue())) {
        notLinked.add(link.getKey() + " must link to " + link.getValue());
      }
    }

    // then
    assertEquals(List.of(), notLinked);
  }

  @Test
  void variables_haveATypeAndADescription() {
    List<String> problems =
        problemsInEach(
            "variable",
            (path, name, body, found) -> {
              if (body.path("type").asText("").isBlank()) {
                found.add(path + ": variable " + name + " has no type");
              }
              if (body.path("description").asText("").isBlank()) {
                found.add(path + ": variable " + name + " has no description");
              }
            });
    assertEquals(List.of(), problems);
  }

  @Test
  void secretVariables_areSensitiveAndHaveNoDefaultButNull() {
    List<String> secrets = new ArrayList<>();
    List<String> problems =
        problemsInEach(
            "variable",
            (path, name, body, found) -> {
              if (!SECRET_NAME.matcher(name).matches() || NOT_SECRETS.contains(name)) {
                return;
              }
              secrets.add(name);
              if (!body.path("sensitive").asBoolean(false)) {
                found.add(path + ": variable " + name + " must be sensitive = true");
              }
              // null is no value: an optional secret (run_token_previous) is left out by default
              if (body.has("default") && !body.get("default").isNull()) {
                found.add(path + ": variable " + name + " must have no default");
              }
            });
    assertEquals(List.of(), problems);
    assertTrue(
        secrets.size() >= 20,
        "expected the secret variables of app-config, the cloud modules and the three stacks, found "
            + secrets.size());
  }

  @Test
  void outputs_haveADescriptionAndSecretOnesAreSensitive() {
    Map<Path, Map<String, JsonNode>> localsByModule = new HashMap<>();
    List<String> problems =
        problemsInEach(
            "output",
            (path, name, body, found) -> {
              if (body.path("description").asText("").isBlank()) {
                found.add(path + ": output " + name + " has no description");
              }
              Map<String, JsonNode> locals =
                  localsByModule.computeIfAbsent(path.getParent(), Hcl::locals);
              String value = Hcl.withLocalsExpanded(body.path("value"), locals);
              boolean carriesSecret = SECRET_MARKERS.stream().anyMatch(value::contains);
              if (carriesSecret && !body.path("sensitive").asBoolean(false)) {
                found.add(
                    path + ": output " + name + " carries a secret and must be sensitive = true");
              }
            });
    assertEquals(List.of(), problems);
  }

  @Test
  void requiredProviders_pinASourceAndAVersion() {
    List<String> problems = new ArrayList<>();
    int providers = 0;
    for (Map.Entry<Path, JsonNode> entry : HclFiles.all().entrySet()) {
      for (JsonNode terraform : entry.getValue().path("terraform")) {
        for (JsonNode requiredProviders : terraform.path("required_providers")) {
          var it = requiredProviders.fields();
          while (it.hasNext()) {
            var provider = it.next();
            providers++;
            if (provider.getValue().path("version").asText("").isBlank()) {
              problems.add(
                  entry.getKey()
                      + ": provider "
                      + provider.getKey()
                      + " has no version constraint");
            }
            if (provider.getValue().path("source").asText("").isBlank()) {
              problems.add(entry.getKey() + ": provider " + provider.getKey() + " has no source");
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(
        providers >= 13,
        "expected the providers of four modules and three stacks, found " + providers);
  }

  @Test
  void versionFiles_requireATerraformVersion() {
    List<String> missing = new ArrayList<>();
    HclFiles.all()
        .forEach(
            (path, file) -> {
              if (path.getFileName().toString().equals("versions.tf")
                  && file.path("terraform").path(0).path("required_version").asText("").isBlank()) {
                missing.add(path.toString());
              }
            });
    assertEquals(List.of(), missing, "versions.tf without required_version");
  }

  @Test
  void cloudModules_labelTheirMainResourceThis() {
    for (String module :
        List.of("upstash-redis", "aws-function", "gcp-function", "azure-function")) {
      JsonNode main = HclFiles.file(RepositoryLayout.module(module).resolve("main.tf"));
      List<String> labels = new ArrayList<>();
      main.path("resource").forEach(type -> type.fieldNames().forEachRemaining(labels::add));
      assertFalse(labels.isEmpty(), module + " declares no resource");
      assertTrue(labels.contains("this"), module + ": the main resource must be labelled \"this\"");
    }
  }

  /** What a check finds wrong in one block, added to {@code found}. */
  @FunctionalInterface
  private interface BlockCheck {
    void check(Path file, String name, JsonNode body, List<String> found);
  }

  /** What {@code check} finds in every block of this kind in every Terraform file. */
  private static List<String> problemsInEach(String kind, BlockCheck check) {
    List<String> found = new ArrayList<>();
    HclFiles.all()
        .forEach(
            (path, file) ->
                Hcl.blocks(file, kind)
                    .forEach((name, body) -> check.check(path, name, body, found)));
    return found;
  }
}
