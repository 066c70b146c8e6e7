package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stack gives its function exactly the environment variables the app reads: app-config's
 * plain environment and secrets, plus the short, explicit list of platform variables.
 */
class StackEnvironmentTest {

  /** Where each cloud module hands the environment to its function, and which resource that is. */
  private record Delivery(String resourceType, String[] path) {}

  private static final Map<String, Delivery> DELIVERY =
      Map.of(
          "aws", new Delivery("aws_lambda_function", new String[] {"environment"}),
          "gcp", new Delivery("google_cloudfunctions2_function", new String[] {"service_config"}),
          "azure",
              new Delivery("azurerm_function_app_flex_consumption", new String[] {"app_settings"}));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void stacks_setEveryVariableTheAppReads(String cloud) {
    // given: the names the app reads, and what app-config produces
    Set<String> appReads = new TreeSet<>(AppConfiguration.environmentVariableNames());
    appReads.removeAll(PlatformVariables.PROVIDED_BY_PLATFORM);
    appReads.removeAll(PlatformVariables.SET_BY_QUEUE_MODULE);
    Set<String> plain = appConfigPlainNames();
    Set<String> secret = appConfigSecretNames();

    // when: the stack wires app-config into its cloud module, which hands both to the function
    assertStackPassesAppConfigToTheFunction(cloud);
    Set<String> platform = platformNamesSetBy(cloud);

    // then
    Set<String> set = new TreeSet<>(plain);
    set.addAll(secret);
    Set<String> missing = new TreeSet<>(appReads);
    missing.removeAll(set);
    Set<String> unread = new TreeSet<>(set);
    unread.removeAll(appReads);
    assertEquals(
        appReads,
        set,
        cloud
            + ": the stack must set exactly the variables application.yml reads; missing "
            + missing
            + ", not read by the app "
            + unread);
    platform.removeAll(PlatformVariables.SET_BY_QUEUE_MODULE);
    assertTrue(
        PlatformVariables.SET_BY_TERRAFORM.containsAll(platform),
        cloud
            + ": platform variables outside the allow-list "
            + PlatformVariables.SET_BY_TERRAFORM
            + ": "
            + platform);
    Set<String> overlap = new TreeSet<>(plain);
    overlap.retainAll(secret);
    assertEquals(Set.of(), overlap, "a secret must never be in the plain environment too");
  }

  private static Set<String> appConfigPlainNames() {
    Path module = RepositoryLayout.module("app-config");
    Map<String, JsonNode> locals = Hcl.locals(module);
    JsonNode output =
        Hcl.blocks(HclFiles.file(module.resolve("outputs.tf")), "output").get("function");
    assertEquals(
        "${local.environment}",
        output.path("value").path("environment").asText(),
        "app-config's function output: environment");
    assertTrue(
        locals.get("environment").asText().contains("local.environment_all"),
        "app-config's environment derives from environment_all");
    Set<String> names = new TreeSet<>();
    locals.get("environment_all").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> appConfigSecretNames() {
    Path module = RepositoryLayout.module("app-config");
    Map<String, JsonNode> locals = Hcl.locals(module);
    Set<String> listed = new TreeSet<>();
    locals.get("secret_names").forEach(n -> listed.add(n.asText()));
    Set<String> mapped = new TreeSet<>();
    locals.get("secrets").fieldNames().forEachRemaining(mapped::add);
    assertEquals(
        listed, mapped, "app-config's secret_names and secrets must name the same variables");
    return listed;
  }

  private static void assertStackPassesAppConfigToTheFunction(String cloud) {
    Map<String, JsonNode> modules =
        Hcl.blocks(HclFiles.directory(RepositoryLayout.stack(cloud)), "module");
    Map<String, String> bySource = new LinkedHashMap<>();
    modules.forEach((name, body) -> bySource.put(body.path("source").asText(), name));
    String config = bySource.get("../modules/app-config");
    String function = bySource.get("../modules/" + cloud + "-function");
    assertTrue(
        config != null && function != null,
        cloud + ": the stack must call modules/app-config and modules/" + cloud + "-function");
    JsonNode fn = modules.get(function);
    Map<String, String> inputs = Map.of("app", "function", "secrets", "secrets");
    inputs.forEach(
        (input, output) ->
            assertEquals(
                "${module." + config + "." + output + "}",
                fn.path(input).asText(),
                cloud + ": " + input + " of the function module"));
  }

  /**
   * Checks the function receives var.environment and the secrets; returns the platform names it
   * adds.
   */
  private static Set<String> platformNamesSetBy(String cloud) {
    Path module = RepositoryLayout.module(cloud + "-function");
    Map<String, JsonNode> locals = Hcl.locals(module);
    Delivery delivery = DELIVERY.get(cloud);
    JsonNode node =
        Hcl.at(
            Hcl.resource(HclFiles.file(module.resolve("main.tf")), delivery.resourceType(), "this"),
            delivery.path());
    String text = Hcl.withLocalsExpanded(node, locals);
    assertTrue(
        text.contains("var.app.environment"),
        cloud + "-function must pass var.app.environment to the function");
    assertTrue(
        text.contains("var.app.secret_names"),
        cloud + "-function must pass every secret in var.app.secret_names to the function");

    Set<String> platform = new TreeSet<>();
    for (String local : Hcl.localReferences(node)) {
      JsonNode value = locals.get(local);
      if (value != null && value.isObject()) {
        value.fieldNames().forEachRemaining(platform::add);
      }
    }
    return platform;
  }
}
