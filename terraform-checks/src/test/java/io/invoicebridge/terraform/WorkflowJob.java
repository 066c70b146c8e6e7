package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One job's steps on a fresh runner, as GitHub runs them: each {@code if:} (implicitly after
 * success), the workflow's, job's and step's env with their expressions evaluated, {@code run:} in
 * {@code bash --noprofile --norc -eo pipefail} (GitHub's default shell) with only the runner's
 * environment, GITHUB_OUTPUT and GITHUB_ENV read back after each step, {@code uses:} by {@link
 * StandInActions}.
 */
final class WorkflowJob {

  /** One step as it ran, or was skipped. */
  record StepRecord(
      String job,
      String environment,
      String name,
      String outcome,
      String log,
      Map<String, String> env) {}

  private static final Duration STEP_LIMIT = Duration.ofMinutes(2);
  private static final Pattern HEREDOC = Pattern.compile("^([A-Za-z0-9_-]+)<<(\\S+)$");

  private final String id;
  private final String environment;
  private final Path workspace;
  private final Path temp;
  private final Map<String, String> machine;
  private final Map<String, Object> contexts;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, Object> stepsContext = new LinkedHashMap<>();
  private final Map<String, Object> jobContext = new HashMap<>(Map.of("status", "success"));

  /** A job in {@code directory}, seeing {@code contexts} (github, inputs, vars, secrets, needs). */
  WorkflowJob(
      String id,
      String environment,
      Path directory,
      Map<String, String> machine,
      Map<String, Object> contexts) {
    this.id = id;
    this.environment = environment;
    this.workspace = directory.resolve("workspace");
    this.temp = directory.resolve("temp");
    this.machine = machine;
    this.contexts = new HashMap<>(contexts);
    try {
      Files.createDirectories(workspace);
      Files.createDirectories(temp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.contexts.put("runner", Map.of("temp", temp.toString(), "os", "Linux"));
    this.contexts.put("steps", stepsContext);
    this.contexts.put("job", jobContext);
    this.contexts.put("env", env);
  }

  /** Adds env entries (the workflow's, then the job's), evaluated in order. */
  void addEnv(JsonNode entries) {
    env.putAll(evaluated(entries));
  }

  boolean succeeded() {
    return jobContext.get("status").equals("success");
  }

  Object evaluate(String text) {
    return WorkflowExpressions.value(text, contexts);
  }

  /** Runs one step and returns what it did. */
  StepRecord step(JsonNode step, int index, Set<String> permissions, StandInActions actions) {
    String name =
        WorkflowExpressions.interpolate(
            step.path("name").asText(step.path("uses").asText("step " + index)), contexts);
    String stepId = step.path("id").asText("__step" + index);
    boolean runs =
        step.has("if")
            ? WorkflowExpressions.condition(step.path("if").asText(), contexts)
            : succeeded();
    if (!runs) {
      stepsContext.put(stepId, Map.of("outcome", "skipped", "outputs", Map.of()));
      return new StepRecord(id, environment, name, "skipped", "", Map.of());
    }
    Map<String, String> visible = new LinkedHashMap<>(env);
    visible.putAll(evaluated(step.path("env")));
    contexts.put("env", visible);
    try {
      StepRecord record =
          step.has("run")
              ? run(step, stepId, name, visible)
              : uses(step, stepId, name, visible, permissions, actions);
      if (record.outcome().equals("failure")) {
        jobContext.put("status", "failure");
      }
      return record;
    } finally {
      contexts.put("env", env);
    }
  }

  private StepRecord run(JsonNode step, String stepId, String name, Map<String, String> visible) {
    try {
      Path script = temp.resolve(stepId + ".sh");
      Path output = temp.resolve(stepId + ".output");
      Path envFile = temp.resolve(stepId + ".env");
      Files.writeString(
          script, WorkflowExpressions.interpolate(step.path("run").asText(), contexts));
      Files.writeString(output, "");
      Files.writeString(envFile, "");
      Map<String, String> process = new HashMap<>(machine);
      process.putAll(runnerVariables(output, envFile));
      process.putAll(visible);
      Path cwd =
          workspace.resolve(
              WorkflowExpressions.interpolate(step.path("working-directory").asText(""), contexts));
      ExternalCommand.Result result =
          ExternalCommand.runIsolated(
              cwd,
              STEP_LIMIT,
              process,
              List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
      String outcome = result.succeeded() ? "success" : "failure";
      stepsContext.put(stepId, Map.of("outcome", outcome, "outputs", keyValues(output)));
      env.putAll(keyValues(envFile));
      return new StepRecord(id, environment, name, outcome, result.output(), visible);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StepRecord uses(
      JsonNode step,
      String stepId,
      String name,
      Map<String, String> visible,
      Set<String> permissions,
      StandInActions actions) {
    Map<String, String> with = evaluated(step.path("with"));
    StandInActions.Outcome result =
        actions.run(step.path("uses").asText(), with, workspace, permissions);
    String outcome = result.succeeded() ? "success" : "failure";
    stepsContext.put(stepId, Map.of("outcome", outcome, "outputs", Map.of()));
    return new StepRecord(id, environment, name, outcome, result.log(), visible);
  }

  /** Each entry's value with its expressions evaluated, as the runner passes env and with. */
  private Map<String, String> evaluated(JsonNode entries) {
    Map<String, String> values = new LinkedHashMap<>();
    entries
        .fields()
        .forEachRemaining(
            e ->
                values.put(
                    e.getKey(), WorkflowExpressions.interpolate(e.getValue().asText(), contexts)));
    return values;
  }

  private Map<String, String> runnerVariables(Path output, Path envFile) {
    Map<String, String> github = new HashMap<>();
    Map<?, ?> context = (Map<?, ?>) contexts.get("github");
    github.put("CI", "true");
    github.put("GITHUB_ACTIONS", "true");
    github.put("GITHUB_SHA", String.valueOf(context.get("sha")));
    github.put("GITHUB_REF", String.valueOf(context.get("ref")));
    github.put("GITHUB_EVENT_NAME", String.valueOf(context.get("event_name")));
    github.put("GITHUB_RUN_ID", String.valueOf(context.get("run_id")));
    github.put("GITHUB_WORKSPACE", workspace.toString());
    github.put("GITHUB_OUTPUT", output.toString());
    github.put("GITHUB_ENV", envFile.toString());
    github.put("RUNNER_TEMP", temp.toString());
    return github;
  }

  /** name=value lines and name<<DELIMITER blocks, as GITHUB_OUTPUT and GITHUB_ENV take them. */
  private static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher heredoc = HEREDOC.matcher(lines.get(i));
      if (heredoc.matches()) {
        StringBuilder value = new StringBuilder();
        while (++i < lines.size() && !lines.get(i).equals(heredoc.group(2))) {
          value.append(value.isEmpty() ? "" : "\n").append(lines.get(i));
        }
        values.put(heredoc.group(1), value.toString());
      } else if (lines.get(i).contains("=")) {
        String line = lines.get(i);
        values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    return values;
  }
}
