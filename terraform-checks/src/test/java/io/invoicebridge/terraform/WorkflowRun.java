package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a workflow offline as GitHub would: its jobs in the order their {@code needs} allow, a job
 * skipped unless every job it needs succeeded (or its {@code if:} says otherwise), each on a fresh
 * runner ({@link WorkflowJob}) with its environment's variables and secrets over the repository's.
 * A job calling a reusable workflow of the repository runs that workflow's jobs with the inputs it
 * passes (unknown or missing required inputs fail it, as GitHub refuses them) and the repository's
 * secrets only with {@code secrets: inherit}; they get no permission the calling job lacks.
 */
final class WorkflowRun {

  /** A GitHub environment's own variables and secrets. */
  record Environment(Map<String, String> variables, Map<String, String> secrets) {}

  /** The repository's variables and secrets, and its environments by name. */
  record Repository(
      Map<String, String> variables,
      Map<String, String> secrets,
      Map<String, Environment> environments) {}

  /** One job's result: success, failure or skipped ("caller/callee" for a reusable one). */
  record JobRecord(String job, String environment, String result) {}

  private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Map.of());

  private final Path directory;
  private final Repository repository;
  private final Map<String, String> machine;
  private final StandInActions actions;
  private final Map<String, Object> github;
  private final List<JobRecord> jobs = new ArrayList<>();
  private final List<WorkflowJob.StepRecord> steps = new ArrayList<>();

  WorkflowRun(
      Path directory,
      Repository repository,
      Map<String, String> machine,
      StandInActions actions,
      String sha,
      String event) {
    this.directory = directory;
    this.repository = repository;
    this.machine = machine;
    this.actions = actions;
    this.github =
        Map.of(
            "sha", sha,
            "ref", "refs/heads/main",
            "event_name", event,
            "run_id", "4242",
            "repository", "example/invoice-bridge");
  }

  List<JobRecord> jobs() {
    return List.copyOf(jobs);
  }

  List<WorkflowJob.StepRecord> steps() {
    return List.copyOf(steps);
  }

  /** Runs every job; true when none failed. */
  boolean run(GitHubWorkflow workflow, Map<String, Object> inputs) {
    Map<String, Map<String, Object>> results =
        runJobs(workflow, inputs, repository.secrets(), null, "");
    return results.values().stream().noneMatch(r -> r.get("result").equals("failure"));
  }

  private Map<String, Map<String, Object>> runJobs(
      GitHubWorkflow workflow,
      Map<String, Object> inputs,
      Map<String, String> secrets,
      Set<String> callerPermissions,
      String prefix) {
    Map<String, Map<String, Object>> done = new LinkedHashMap<>();
    Map<String, JsonNode> pending = new LinkedHashMap<>(workflow.jobs());
    while (!pending.isEmpty()) {
      Map.Entry<String, JsonNode> ready =
          pending.entrySet().stream()
              .filter(e -> needs(e.getValue()).stream().allMatch(done::containsKey))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("jobs wait on each other: " + pending));
      pending.remove(ready.getKey());
      Map<String, Object> needsContext = new LinkedHashMap<>();
      needs(ready.getValue()).forEach(n -> needsContext.put(n, done.get(n)));
      Map<String, Object> contexts = new HashMap<>();
      contexts.put("github", github);
      contexts.put("inputs", inputs);
      contexts.put("vars", repository.variables());
      contexts.put("needs", needsContext);
      Set<String> permissions = permissions(workflow, ready.getValue(), callerPermissions);
      done.put(
          ready.getKey(),
          job(
              new Job(
                  workflow,
                  prefix + ready.getKey(),
                  ready.getValue(),
                  contexts,
                  secrets,
                  permissions)));
    }
    return done;
  }

  /** A job ready to run: its workflow, id, definition, contexts, secrets and permissions. */
  private record Job(
      GitHubWorkflow workflow,
      String id,
      JsonNode definition,
      Map<String, Object> contexts,
      Map<String, String> secrets,
      Set<String> permissions) {}

  private Map<String, Object> job(Job job) {
    boolean needsSucceeded =
        ((Map<?, ?>) job.contexts().get("needs"))
            .values().stream().allMatch(n -> ((Map<?, ?>) n).get("result").equals("success"));
    Map<String, Object> withStatus = new HashMap<>(job.contexts());
    withStatus.put("job", Map.of("status", needsSucceeded ? "success" : "failure"));
    boolean runs =
        job.definition().has("if")
            ? WorkflowExpressions.condition(job.definition().path("if").asText(), withStatus)
            : needsSucceeded;
    if (!runs) {
      jobs.add(new JobRecord(job.id(), "", "skipped"));
      return Map.of("result", "skipped", "outputs", Map.of());
    }
    if (job.definition().has("uses")) {
      return call(job.id(), job.definition(), job.contexts(), job.permissions());
    }
    return steps(job);
  }

  private Map<String, Object> steps(Job job) {
    String environmentName = environmentName(job.definition(), job.contexts());
    Environment environment =
        environmentName.isEmpty()
            ? NO_ENVIRONMENT
            : repository.environments().getOrDefault(environmentName, NO_ENVIRONMENT);
    Map<String, Object> jobContexts = new HashMap<>(job.contexts());
    jobContexts.put("vars", overlay(repository.variables(), environment.variables()));
    jobContexts.put("secrets", overlay(job.secrets(), environment.secrets()));
    Path jobDirectory =
        directory.resolve("jobs").resolve(jobs.size() + "-" + job.id().replace('/', '-'));
    Map<String, Object> githubContext = new HashMap<>(github);
    githubContext.put("workspace", jobDirectory.resolve("workspace").toString());
    jobContexts.put("github", githubContext);
    WorkflowJob runner =
        new WorkflowJob(job.id(), environmentName, jobDirectory, machine, jobContexts);
    runner.addEnv(job.workflow().root().path("env"));
    runner.addEnv(job.definition().path("env"));
    JsonNode nodes = job.definition().path("steps");
    for (int i = 0; i < nodes.size(); i++) {
      steps.add(runner.step(nodes.get(i), i, job.permissions(), actions));
    }
    Map<String, Object> outputs = new LinkedHashMap<>();
    job.definition()
        .path("outputs")
        .fields()
        .forEachRemaining(
            e ->
                outputs.put(
                    e.getKey(), WorkflowExpressions.text(runner.evaluate(e.getValue().asText()))));
    String result = runner.succeeded() ? "success" : "failure";
    jobs.add(new JobRecord(job.id(), environmentName, result));
    return Map.of("result", result, "outputs", outputs);
  }

  /** A job that calls a reusable workflow of the repository ("./.github/workflows/x.yml"). */
  private Map<String, Object> call(
      String id, JsonNode job, Map<String, Object> contexts, Set<String> permissions) {
    String uses = job.path("uses").asText();
    if (!uses.startsWith("./")) {
      throw new IllegalArgumentException(id + ": only local reusable workflows run here: " + uses);
    }
    GitHubWorkflow callee = GitHubWorkflow.read(RepositoryLayout.root().resolve(uses.substring(2)));
    List<String> refused = new ArrayList<>();
    Map<String, Object> inputs = inputs(callee, job.path("with"), contexts, refused);
    if (!refused.isEmpty()) {
      jobs.add(new JobRecord(id, "", "failure"));
      steps.add(
          new WorkflowJob.StepRecord(
              id, "", uses, "failure", String.join("\n", refused), Map.of()));
      return Map.of("result", "failure", "outputs", Map.of());
    }
    Map<String, String> secrets =
        job.path("secrets").asText("").equals("inherit") ? repository.secrets() : Map.of();
    Map<String, Map<String, Object>> results =
        runJobs(callee, inputs, secrets, permissions, id + "/");
    boolean failed = results.values().stream().anyMatch(r -> r.get("result").equals("failure"));
    String result = failed ? "failure" : "success";
    jobs.add(new JobRecord(id, "", result));
    return Map.of("result", result, "outputs", Map.of());
  }

  /** The inputs a caller passes, checked against the callee's declaration, defaults filled in. */
  private static Map<String, Object> inputs(
      GitHubWorkflow callee, JsonNode with, Map<String, Object> contexts, List<String> refused) {
    JsonNode declared = callee.callInputs();
    Map<String, Object> inputs = new LinkedHashMap<>();
    with.fields()
        .forEachRemaining(
            e -> {
              JsonNode declaration = declared.path(e.getKey());
              if (declaration.isMissingNode()) {
                refused.add("input " + e.getKey() + " is not declared by " + callee.fileName());
                return;
              }
              Object value =
                  e.getValue().isBoolean()
                      ? e.getValue().asBoolean()
                      : WorkflowExpressions.value(e.getValue().asText(), contexts);
              if (declaration.path("type").asText().equals("boolean")
                  && !(value instanceof Boolean)) {
                refused.add("input " + e.getKey() + " must be a boolean, got " + value);
              }
              inputs.put(e.getKey(), value);
            });
    declared
        .fields()
        .forEachRemaining(
            e -> {
              if (inputs.containsKey(e.getKey())) {
                return;
              }
              if (e.getValue().path("required").asBoolean(false)) {
                refused.add("required input " + e.getKey() + " is not given");
              }
              JsonNode fallback = e.getValue().path("default");
              inputs.put(
                  e.getKey(), fallback.isBoolean() ? fallback.asBoolean() : fallback.asText(null));
            });
    return inputs;
  }

  /**
   * A job's permissions ("scope:level"): its own, else its workflow's; a reusable workflow's job
   * gets none its caller lacks.
   */
  static Set<String> permissions(GitHubWorkflow workflow, JsonNode job, Set<String> caller) {
    JsonNode declared =
        job.has("permissions") ? job.path("permissions") : workflow.root().path("permissions");
    Set<String> permissions = new TreeSet<>();
    declared
        .fields()
        .forEachRemaining(e -> permissions.add(e.getKey() + ":" + e.getValue().asText()));
    if (caller != null) {
      permissions.retainAll(caller);
    }
    return permissions;
  }

  private static List<String> needs(JsonNode job) {
    JsonNode needs = job.path("needs");
    if (needs.isTextual()) {
      return List.of(needs.asText());
    }
    List<String> names = new ArrayList<>();
    needs.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String environmentName(JsonNode job, Map<String, Object> contexts) {
    JsonNode environment = job.path("environment");
    String name =
        environment.isObject() ? environment.path("name").asText() : environment.asText("");
    return WorkflowExpressions.interpolate(name, contexts);
  }

  private static Map<String, String> overlay(Map<String, String> base, Map<String, String> over) {
    Map<String, String> merged = new HashMap<>(base);
    merged.putAll(over);
    return merged;
  }
}
