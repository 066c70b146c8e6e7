package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A workflow file of .github/workflows, parsed from YAML (keys stay text: {@code on} is not read as
 * a boolean), with its lines kept for what only they show (the comment after a pinned action).
 */
record GitHubWorkflow(Path file, JsonNode root, List<String> lines) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One step of one job, where it stands. */
  record Step(GitHubWorkflow workflow, String job, int index, JsonNode node) {

    String name() {
      return node.path("name")
          .asText(node.has("uses") ? node.path("uses").asText() : "step " + index);
    }

    String run() {
      return node.path("run").asText("");
    }

    @Override
    public String toString() {
      return workflow.fileName() + " job " + job + " step '" + name() + "'";
    }
  }

  static GitHubWorkflow read(Path file) {
    try {
      String text = Files.readString(file);
      return new GitHubWorkflow(file, YAML.readTree(text), text.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflow " + file, e);
    }
  }

  /** Every workflow of the repository, by file name. */
  static List<GitHubWorkflow> all() {
    try (Stream<Path> files = Files.list(RepositoryLayout.workflows())) {
      return files
          .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted()
          .map(GitHubWorkflow::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GitHubWorkflow named(String fileName) {
    return read(RepositoryLayout.workflows().resolve(fileName));
  }

  String fileName() {
    return file.getFileName().toString();
  }

  /** The jobs in the order the file declares them. */
  Map<String, JsonNode> jobs() {
    Map<String, JsonNode> jobs = new LinkedHashMap<>();
    root.path("jobs").fields().forEachRemaining(e -> jobs.put(e.getKey(), e.getValue()));
    return jobs;
  }

  JsonNode job(String id) {
    JsonNode job = root.path("jobs").path(id);
    if (job.isMissingNode()) {
      throw new IllegalArgumentException(fileName() + " has no job " + id);
    }
    return job;
  }

  List<Step> steps(String job) {
    List<Step> steps = new ArrayList<>();
    JsonNode nodes = job(job).path("steps");
    for (int i = 0; i < nodes.size(); i++) {
      steps.add(new Step(this, job, i, nodes.get(i)));
    }
    return steps;
  }

  /** Every step of every job. */
  List<Step> steps() {
    return jobs().keySet().stream().flatMap(job -> steps(job).stream()).toList();
  }

  /** The declared inputs of a reusable workflow ({@code on.workflow_call.inputs}). */
  JsonNode callInputs() {
    return root.path("on").path("workflow_call").path("inputs");
  }
}
