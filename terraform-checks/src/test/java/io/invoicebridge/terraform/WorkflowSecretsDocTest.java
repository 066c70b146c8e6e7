package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/deploying.md's table of secrets and variables lists exactly what the workflows read: one row
 * per {@code secrets.NAME} and {@code vars.NAME} of their expressions, of the same kind.
 */
class WorkflowSecretsDocTest {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
  private static final Pattern REFERENCE = Pattern.compile("\\b(secrets|vars)\\.([A-Za-z0-9_]+)");
  private static final Pattern ROW =
      Pattern.compile(
          "^\\|\\s*`([A-Z0-9_]+)`\\s*\\|\\s*(secret|variable)\\s*\\|", Pattern.MULTILINE);

  @Test
  void deployingDoc_secretsAndVariablesTable_listsExactlyWhatTheWorkflowsRead() throws IOException {
    // given
    Set<String> read = new TreeSet<>();
    for (GitHubWorkflow workflow : GitHubWorkflow.all()) {
      Matcher expression = EXPRESSION.matcher(String.join("\n", workflow.lines()));
      while (expression.find()) {
        Matcher reference = REFERENCE.matcher(expression.group(1));
        while (reference.find()) {
          read.add(kind(reference.group(1)) + " " + reference.group(2));
        }
      }
    }

    // when
    Set<String> documented = new TreeSet<>();
    Matcher row = ROW.matcher(Files.readString(deployingDoc()));
    while (row.find()) {
      documented.add(row.group(2) + " " + row.group(1));
    }

    // then
    assertTrue(read.contains("secret RUN_TOKEN"), "the workflows read the run token: " + read);
    assertEquals(read, documented, "docs/deploying.md, section \"Secrets and variables\"");
  }

  private static String kind(String context) {
    return context.equals("secrets") ? "secret" : "variable";
  }

  private static Path deployingDoc() {
    return RepositoryLayout.root().resolve("docs").resolve("deploying.md");
  }
}
