package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the workflows pass to Terraform is what the stacks need: with TF_INPUT=0, a required
 * variable (no default) without a value stops the apply, and the rollback stops the same way; a
 * TF_VAR_ no stack declares is silently ignored, which hides a typo.
 */
class WorkflowVariablesTest {

  private static final String TF_VAR = "TF_VAR_";

  /**
   * A TF_VAR_ a run script sets for itself ({@code export}) or for later steps (GITHUB_ENV, as
   * {@code name=value} or {@code name<<DELIMITER}).
   */
  private static final Pattern ASSIGNED = Pattern.compile("\\bTF_VAR_([A-Za-z0-9_]+)(?:=|<<)");

  @Test
  void deploySteps_eachCloud_supplyEveryRequiredStackVariable() {
    // given
    List<GitHubWorkflow.Step> deploySteps = deploySteps();
    List<String> missing = new ArrayList<>();

    // when
    for (String cloud : RepositoryLayout.CLOUDS) {
      Set<String> required = requiredVariables(cloud);
      for (GitHubWorkflow.Step step : deploySteps) {
        Set<String> supplied = supplied(step);
        supplied.add("artifact_version");
        supplied.add(artifactVariable(cloud));
        required.stream()
            .filter(v -> !supplied.contains(v))
            .forEach(v -> missing.add(cloud + ": " + step + " gives no value for " + v));
      }
    }

    // then
    assertFalse(deploySteps.isEmpty(), "no workflow step runs terraform/scripts/deploy.sh");
    assertEquals(List.of(), missing);
  }

  @Test
  void workflows_supplyOnlyVariablesAStackDeclares() {
    // given
    Set<String> declared = new TreeSet<>();
    RepositoryLayout.CLOUDS.forEach(c -> declared.addAll(stackVariables(c).keySet()));
    List<String> unknown = new ArrayList<>();

    // when
    for (GitHubWorkflow workflow : GitHubWorkflow.all()) {
      Set<String> names = new TreeSet<>(envNames(workflow.root().path("env")));
      workflow.jobs().values().forEach(job -> names.addAll(envNames(job.path("env"))));
      for (GitHubWorkflow.Step step : workflow.steps()) {
        names.addAll(envNames(step.node().path("env")));
        names.addAll(assigned(step.run()));
      }
      names.stream()
          .filter(n -> !declared.contains(n))
          .forEach(n -> unknown.add(workflow.fileName() + ": TF_VAR_" + n));
    }

    // then
    assertEquals(List.of(), unknown, "no stack declares these variables");
  }

  /** The steps that apply a stack: they run terraform/scripts/deploy.sh. */
  private static List<GitHubWorkflow.Step> deploySteps() {
    return GitHubWorkflow.all().stream()
        .flatMap(w -> w.steps().stream())
        .filter(s -> s.run().contains("terraform/scripts/deploy.sh"))
        .toList();
  }

  /**
   * The TF_VAR_ names a step's process has: the workflow's, its job's and its own env, and those
   * its script or an earlier step of its job assigns.
   */
  private static Set<String> supplied(GitHubWorkflow.Step step) {
    GitHubWorkflow workflow = step.workflow();
    Set<String> names = new TreeSet<>(envNames(workflow.root().path("env")));
    names.addAll(envNames(workflow.job(step.job()).path("env")));
    names.addAll(envNames(step.node().path("env")));
    workflow.steps(step.job()).stream()
        .filter(s -> s.index() <= step.index())
        .forEach(s -> names.addAll(assigned(s.run())));
    return names;
  }

  private static Set<String> envNames(JsonNode env) {
    Set<String> names = new TreeSet<>();
    env.fieldNames()
        .forEachRemaining(
            key -> {
              if (key.startsWith(TF_VAR)) {
                names.add(key.substring(TF_VAR.length()));
              }
            });
    return names;
  }

  private static Set<String> assigned(String script) {
    Set<String> names = new TreeSet<>();
    Matcher m = ASSIGNED.matcher(script);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static Map<String, JsonNode> stackVariables(String cloud) {
    return SettingVariables.stack(cloud);
  }

  /** The variables of a stack without a default: Terraform asks for them, or stops. */
  static Set<String> requiredVariables(String cloud) {
    Set<String> required = new TreeSet<>();
    stackVariables(cloud)
        .forEach(
            (name, body) -> {
              if (!body.has("default")) {
                required.add(name);
              }
            });
    return required;
  }

  /**
   * The variable deploy.sh passes the artifact in, as terraform/scripts/artifact-variable.sh says.
   */
  static String artifactVariable(String cloud) {
    ExternalCommand.Result result =
        ExternalCommand.run(
            RepositoryLayout.root(),
            Duration.ofSeconds(10),
            Map.of(),
            List.of("terraform/scripts/artifact-variable.sh", cloud));
    if (!result.succeeded()) {
      throw new IllegalStateException("artifact-variable.sh " + cloud + ": " + result.output());
    }
    return result.output().strip();
  }
}
