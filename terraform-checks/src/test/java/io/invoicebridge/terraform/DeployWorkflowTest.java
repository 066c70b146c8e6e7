package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape of the release pipeline: one build without secrets, then staging and production from
 * the artifact it uploaded; secrets only where a step applies or checks; every third-party action
 * pinned to a commit.
 */
class DeployWorkflowTest {

  private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
  private static final Pattern PINNED =
      Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");
  private static final Pattern VERSION_COMMENT =
      Pattern.compile("\\s+#\\s*v\\d+(\\.\\d+){0,2}\\s*");
  private static final Pattern SECRET_REFERENCE = Pattern.compile("\\bsecrets\\.[A-Za-z0-9_]+");

  /** The scripts that apply a stack or check a deployment: they alone get secrets. */
  private static final List<String> SECRET_USERS =
      List.of(
          "terraform/scripts/deploy.sh",
          "scripts/check-release.sh",
          "terraform/scripts/check-health.sh");

  private final GitHubWorkflow deploy = GitHubWorkflow.named("deploy.yml");

  @Test
  void thirdPartyActions_pinnedByFullCommitShaWithTheirVersionInAComment() {
    // given
    List<String> problems = new ArrayList<>();
    int actions = 0;

    // when
    for (GitHubWorkflow workflow : GitHubWorkflow.all()) {
      for (String line : workflow.lines()) {
        Matcher uses = USES.matcher(line);
        if (!uses.matches() || uses.group(1).startsWith("./")) {
          continue;
        }
        actions++;
        if (!PINNED.matcher(uses.group(1)).matches()
            || !VERSION_COMMENT.matcher(uses.group(2)).matches()) {
          problems.add(workflow.fileName() + ": " + line.strip());
        }
      }
    }

    // then
    assertTrue(actions >= 8, "found only " + actions + " third-party actions");
    assertEquals(
        List.of(), problems, "pin as owner/name@<40-hex commit> # vX.Y.Z (the release it is)");
  }

  @Test
  void buildJob_runsWithoutEnvironmentSecretsOrIdToken() {
    // given
    JsonNode build = deploy.job("build");

    // when
    Set<String> permissions = WorkflowRun.permissions(deploy, build, null);

    // then
    assertFalse(build.has("environment"), "the build job belongs to no environment");
    assertFalse(SECRET_REFERENCE.matcher(build.toString()).find(), "the build job reads no secret");
    assertEquals(Set.of("contents:read"), permissions);
    assertTrue(
        deploy.steps("build").stream().anyMatch(s -> s.run().contains("./mvnw -B verify")),
        "the build job builds and tests");
  }

  @Test
  void secrets_appearOnlyInTheEnvOfStepsThatApplyOrCheck() {
    // given
    List<String> misplaced = new ArrayList<>();
    int references = 0;

    // when
    for (GitHubWorkflow workflow : GitHubWorkflow.all()) {
      List<String> allowed =
          workflow.steps().stream()
              .filter(step -> SECRET_USERS.stream().anyMatch(step.run()::contains))
              .map(step -> "jobs." + step.job() + ".steps." + step.index() + ".env.")
              .toList();
      List<String> found = new ArrayList<>();
      collectSecretReferences(workflow.root(), "", found);
      references += found.size();
      found.stream()
          .filter(f -> allowed.stream().noneMatch(f::startsWith))
          .forEach(f -> misplaced.add(workflow.fileName() + ": " + f));
    }

    // then
    assertTrue(references > 0, "the release steps read secrets");
    assertEquals(List.of(), misplaced);
  }

  @Test
  void releaseJobs_stagingThenProduction_fromTheOneBuiltArtifact() {
    // given
    JsonNode staging = deploy.job("staging");
    JsonNode production = deploy.job("production");

    // then
    assertEquals("build", staging.path("needs").asText());
    assertTrue(production.path("needs").toString().contains("\"staging\""));
    for (JsonNode job : List.of(staging, production)) {
      assertEquals("./.github/workflows/deploy-environment.yml", job.path("uses").asText());
      assertEquals(
          "${{ needs.build.outputs.artifact }}", job.path("with").path("artifact").asText());
      assertEquals(
          Set.of("contents:read", "id-token:write"), WorkflowRun.permissions(deploy, job, null));
    }
    assertEquals("staging", staging.path("with").path("environment").asText());
    assertEquals("production", production.path("with").path("environment").asText());
    assertTrue(staging.path("with").path("release-check").asBoolean());
    assertFalse(production.path("with").path("release-check").asBoolean());
  }

  @Test
  void releaseJob_downloadsTheArtifact_neverBuildsIt() {
    // given
    GitHubWorkflow release = GitHubWorkflow.named("deploy-environment.yml");

    // when
    List<GitHubWorkflow.Step> steps = release.steps("deploy");

    // then
    assertEquals("${{ inputs.environment }}", release.job("deploy").path("environment").asText());
    assertTrue(
        steps.stream()
            .anyMatch(
                s -> s.node().path("uses").asText().startsWith("actions/download-artifact@")));
    assertTrue(
        steps.stream()
            .noneMatch(s -> s.run().contains("mvnw") || s.run().contains("package-artifact")),
        "the release job applies what the build job uploaded");
  }

  /** Every text holding "secrets.X" as "path = text", e.g. "jobs.deploy.steps.3.env.K = ...". */
  private static void collectSecretReferences(JsonNode node, String path, List<String> found) {
    if (node.isTextual() && SECRET_REFERENCE.matcher(node.asText()).find()) {
      found.add(path + " = " + node.asText());
    }
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> collectSecretReferences(e.getValue(), join(path, e.getKey()), found));
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectSecretReferences(node.get(i), join(path, String.valueOf(i)), found);
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
