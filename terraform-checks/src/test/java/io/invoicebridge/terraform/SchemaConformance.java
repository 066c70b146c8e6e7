package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one resource or data block (as @cdktf/hcl2json renders it) against its type's schema from
 * the snapshot: every argument and nested block known, every required argument and block present.
 * Values are not checked: that, and everything the provider decides, only {@code terraform plan}
 * proves.
 */
final class SchemaConformance {

  /** Terraform's meta-arguments of resource and data blocks, which no provider schema lists. */
  private static final Set<String> META_ARGUMENTS =
      Set.of(
          "count", "for_each", "depends_on", "provider", "lifecycle", "connection", "provisioner");

  private SchemaConformance() {}

  /** The problems of one block; {@code where} names it in each message (file and address). */
  static List<String> check(JsonNode body, JsonNode schema, String where) {
    List<String> problems = new ArrayList<>();
    checkObject(body, schema, where, true, problems);
    return problems;
  }

  private static void checkObject(
      JsonNode body, JsonNode schema, String where, boolean topLevel, List<String> problems) {
    Set<String> present = new HashSet<>();
    body.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              if (topLevel && META_ARGUMENTS.contains(name)) {
                return;
              }
              if (name.equals("dynamic")) {
                checkDynamicBlocks(field.getValue(), schema, where, present, problems);
                return;
              }
              present.add(name);
              checkMember(name, field.getValue(), schema, where, problems);
            });
    checkRequired(schema, present, where, problems);
  }

  private static void checkMember(
      String name, JsonNode value, JsonNode schema, String where, List<String> problems) {
    if (contains(schema.path("required"), name) || contains(schema.path("optional"), name)) {
      return;
    }
    JsonNode block = schema.path("blocks").path(name);
    if (!block.isMissingNode() && !value.isArray()) {
      problems.add(
          where + ": " + name + " is a block: write " + name + " { ... }, not " + name + " = ...");
    } else if (!block.isMissingNode()) {
      value.forEach(item -> checkObject(item, block, where + "." + name, false, problems));
    } else if (contains(schema.path("computed"), name)) {
      problems.add(where + ": " + name + " is computed by the provider and cannot be set");
    } else {
      problems.add(where + ": unknown argument or block " + name);
    }
  }

  /** {@code dynamic "x" { content { ... } }}: the content is checked as block x. */
  private static void checkDynamicBlocks(
      JsonNode dynamic, JsonNode schema, String where, Set<String> present, List<String> problems) {
    dynamic
        .fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              JsonNode block = schema.path("blocks").path(name);
              if (block.isMissingNode()) {
                problems.add(where + ": dynamic \"" + name + "\" is not a block of this type");
                return;
              }
              present.add(name);
              for (JsonNode generator : field.getValue()) {
                generator
                    .path("content")
                    .forEach(
                        content ->
                            checkObject(content, block, where + "." + name, false, problems));
              }
            });
  }

  private static void checkRequired(
      JsonNode schema, Set<String> present, String where, List<String> problems) {
    schema
        .path("required")
        .forEach(
            name -> {
              if (!present.contains(name.asText())) {
                problems.add(where + ": missing required argument " + name.asText());
              }
            });
    schema
        .path("blocks")
        .fields()
        .forEachRemaining(
            block -> {
              if (block.getValue().path("min_items").asInt(0) > 0
                  && !present.contains(block.getKey())) {
                problems.add(where + ": missing required block " + block.getKey());
              }
            });
  }

  private static boolean contains(JsonNode names, String name) {
    for (JsonNode n : names) {
      if (n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
