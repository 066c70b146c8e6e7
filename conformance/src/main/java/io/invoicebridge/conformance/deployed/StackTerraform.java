package io.invoicebridge.conformance.deployed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers the Terraform stacks derive, read from {@code terraform/} itself so the queue tests never
 * repeat them: an output that is a sum of variables (the stack's own or attributes of its {@code
 * app} object), locals and whole numbers is evaluated, a variable's default is read from its
 * declaration. Anything else fails loudly, naming the file.
 */
public final class StackTerraform {

  private static final Pattern TERM =
      Pattern.compile("(var(?:\\.app)?|local)\\.([a-z0-9_]+)|(\\d+)");

  private StackTerraform() {}

  /**
   * app-config's {@code batch_queue_max_deliveries}: the deliveries SQS's redrive policy and the
   * Functions host's {@code maxDequeueCount} allow one batch message, for {@code
   * BATCH_MAX_ATTEMPTS}.
   */
  public static int batchQueueMaxDeliveries(int batchMaxAttempts) {
    Path module = module("app-config");
    String expression =
        attribute(
            block(module.resolve("outputs.tf"), "output", "batch_queue_max_deliveries"), "value");
    return sum(
        expression, Map.of("batch_max_attempts", batchMaxAttempts), module.resolve("main.tf"));
  }

  /** The default of {@code variable "name"} in terraform/modules/{@code module}/variables.tf. */
  public static int variableDefault(String module, String name) {
    Path variables = module(module).resolve("variables.tf");
    return Integer.parseInt(attribute(block(variables, "variable", name), "default"));
  }

  /** terraform/modules/{@code name}, found from the working directory upwards. */
  public static Path module(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path module = dir.resolve("terraform").resolve("modules").resolve(name);
      if (Files.isDirectory(module)) {
        return module;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "terraform/modules/" + name + " not found above the working directory");
  }

  private static int sum(String expression, Map<String, Integer> variables, Path locals) {
    int total = 0;
    for (String term : expression.split("\\+")) {
      Matcher m = TERM.matcher(term.strip());
      if (!m.matches()) {
        throw new IllegalStateException("cannot evaluate '" + expression + "': not a sum");
      }
      if (m.group(3) != null) {
        total += Integer.parseInt(m.group(3));
      } else if (m.group(1).startsWith("var") && variables.containsKey(m.group(2))) {
        total += variables.get(m.group(2));
      } else if (m.group(1).equals("local")) {
        total += Integer.parseInt(attribute(read(locals), m.group(2)));
      } else {
        throw new IllegalStateException(
            "cannot evaluate '" + expression + "': no value for " + term);
      }
    }
    return total;
  }

  /** The text of {@code kind "label" { ... }} up to the next top-level block. */
  private static String block(Path file, String kind, String label) {
    String text = read(file);
    int start = text.indexOf(kind + " \"" + label + "\" {");
    if (start < 0) {
      throw new IllegalStateException(file + " declares no " + kind + " \"" + label + "\"");
    }
    int end = text.indexOf("\n}", start);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  /** The one-line value of {@code name = value} in {@code text}. */
  private static String attribute(String text, String name) {
    Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*(.+?)\\s*$").matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no attribute " + name + " in:\n" + text);
    }
    return m.group(1);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
