package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every .tf file of terraform/ parsed to JSON by the npm package @cdktf/hcl2json (blocks become
 * arrays, expressions "${...}" strings). Parsed once per test run.
 */
final class HclFiles {

  private static Map<Path, JsonNode> parsed;

  private HclFiles() {}

  /** The parsed files by path; skips the calling test with a reason when node or npm is missing. */
  static synchronized Map<Path, JsonNode> all() {
    NodePackages.installed(
        "the structural checks of terraform/ (they parse HCL with @cdktf/hcl2json)");
    if (parsed == null) {
      parsed = parse(RepositoryLayout.terraformFiles());
    }
    return parsed;
  }

  /**
   * One parsed file, e.g. {@code file(RepositoryLayout.module("aws-function").resolve("main.tf"))}.
   */
  static JsonNode file(Path path) {
    JsonNode node = all().get(path.toAbsolutePath().normalize());
    if (node == null) {
      throw new IllegalStateException("not a parsed Terraform file: " + path);
    }
    return node;
  }

  /**
   * Every file of a directory (a stack or a module) as one, e.g. {@code
   * directory(RepositoryLayout.stack("aws")).path("module")}: a stack's blocks stand in its own
   * files and in those it links to (terraform/shared, app-config's settings.tf).
   */
  static JsonNode directory(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    all()
        .forEach(
            (path, file) -> {
              if (path.getParent().equals(dir)) {
                merge(merged, file);
              }
            });
    return merged;
  }

  /** Adds {@code from}'s fields to {@code into}, object into object; a block label appears once. */
  private static void merge(ObjectNode into, JsonNode from) {
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode existing = into.get(e.getKey());
              if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
              } else if (existing instanceof ArrayNode target && e.getValue().isArray()) {
                target.addAll((ArrayNode) e.getValue());
              } else {
                into.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  private static Map<Path, JsonNode> parse(List<Path> files) {
    Path module = RepositoryLayout.checksModule();
    List<String> command = new ArrayList<>(List.of("node", "src/test/node/hcl2json.mjs"));
    files.forEach(f -> command.add(f.toAbsolutePath().normalize().toString()));
    ExternalCommand.Result result =
        ExternalCommand.run(module, Duration.ofMinutes(2), Map.of(), command);
    if (!result.succeeded()) {
      throw new IllegalStateException("hcl2json could not parse terraform/:\n" + result.output());
    }
    try {
      JsonNode json = new ObjectMapper().readTree(result.output());
      Map<Path, JsonNode> byPath = new LinkedHashMap<>();
      json.fields().forEachRemaining(e -> byPath.put(Path.of(e.getKey()), e.getValue()));
      return byPath;
    } catch (IOException e) {
      throw new UncheckedIOException("hcl2json printed something other than JSON", e);
    }
  }
}
