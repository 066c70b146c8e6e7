package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the JSON form of HCL: top-level blocks by label, locals, and references in expressions.
 */
final class Hcl {

  private static final Pattern LOCAL_REFERENCE = Pattern.compile("local\\.([A-Za-z0-9_]+)");

  private Hcl() {}

  /**
   * Blocks of one kind in one file by label, e.g. {@code blocks(file, "variable")} (first body of
   * each).
   */
  static Map<String, JsonNode> blocks(JsonNode file, String kind) {
    Map<String, JsonNode> byLabel = new LinkedHashMap<>();
    JsonNode section = file.path(kind);
    section.fields().forEachRemaining(e -> byLabel.put(e.getKey(), e.getValue().get(0)));
    return byLabel;
  }

  /**
   * A resource's body, e.g. {@code resource(file, "aws_lambda_function", "this")}; missing node if
   * absent.
   */
  static JsonNode resource(JsonNode file, String type, String label) {
    return first(file.path("resource").path(type).path(label));
  }

  /**
   * Blocks of one kind in every file of a directory (a module or a stack) by label, e.g. {@code
   * blocks(RepositoryLayout.stack("aws"), "variable")}: a stack's variables stand in variables.tf
   * and in settings.tf, its link to app-config's.
   */
  static Map<String, JsonNode> blocks(Path directory, String kind) {
    return blocks(HclFiles.directory(directory), kind);
  }

  /** The locals of every file of a directory (a module or a stack). */
  static Map<String, JsonNode> locals(Path directory) {
    Map<String, JsonNode> locals = new LinkedHashMap<>();
    HclFiles.directory(directory)
        .path("locals")
        .forEach(
            block -> block.fields().forEachRemaining(e -> locals.put(e.getKey(), e.getValue())));
    return locals;
  }

  /** Follows attribute names into nested blocks, taking the first body of each block. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = first(current.path(name));
    }
    return current;
  }

  /** The names of the locals an expression (or any node's text) refers to. */
  static Set<String> localReferences(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = LOCAL_REFERENCE.matcher(node.toString());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The node's text with the text of every local it refers to appended, one level deep. */
  static String withLocalsExpanded(JsonNode node, Map<String, JsonNode> locals) {
    StringBuilder text = new StringBuilder(node.toString());
    for (String name : localReferences(node)) {
      JsonNode local = locals.get(name);
      if (local != null) {
        text.append('\n').append(local);
      }
    }
    return text.toString();
  }

  private static JsonNode first(JsonNode node) {
    return node.isArray() ? node.path(0) : node;
  }
}
