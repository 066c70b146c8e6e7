package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.terraform.ProviderSchemas.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every resource and data block of terraform/ against the providers' own schemas, offline: the
 * snapshot {@code provider-schemas.json} is read from the prebuilt provider bindings on npm by
 * {@value ProviderSchemas#SCRIPT}, which records the package and provider versions.
 */
class ProviderSchemaTest {

  /** One resource or data block of a parsed file. */
  private record Block(Path file, Kind kind, String type, String label, JsonNode body) {
    String address() {
      String name = type + "." + label;
      return file + ": " + (kind.equals(Kind.DATA) ? "data." + name : name);
    }
  }

  private static final ProviderSchemas SCHEMAS = ProviderSchemas.load();

  @Test
  void everyTypeInUse_isInTheSnapshot() {
    // given
    List<Block> blocks = blocksUnderTerraform();

    // when
    TreeSet<String> missing = new TreeSet<>();
    blocks.stream()
        .filter(b -> SCHEMAS.schema(b.kind(), b.type()).isEmpty())
        .forEach(b -> missing.add(b.kind().keyword() + " " + b.type()));

    // then
    assertTrue(
        missing.isEmpty(),
        "types missing from provider-schemas.json: "
            + missing
            + "; add them by rerunning "
            + ProviderSchemas.SCRIPT
            + " with the provider packages installed (see its usage header)");
  }

  @Test
  void resourcesAndDataSources_useOnlyArgumentsAndBlocksOfTheProviderSchemas() {
    // given
    List<Block> blocks = blocksUnderTerraform();
    printVersionNotices();

    // when
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Block block : blocks) {
      Optional<JsonNode> schema = SCHEMAS.schema(block.kind(), block.type());
      if (schema.isPresent()) {
        problems.addAll(SchemaConformance.check(block.body(), schema.get(), block.address()));
        checked++;
      }
    }

    // then
    assertEquals(List.of(), problems);
    assertTrue(checked >= 35, "expected the blocks of three stacks and five modules: " + checked);
  }

  /**
   * A constraint newer than the snapshot is printed, not failed: the prebuilt google bindings end
   * at 6.50 (HashiCorp stopped publishing them), so no snapshot could satisfy google ~> 7.0 and a
   * failure could never be fixed here. Arguments 7.x added still fail as unknown; the notice says
   * what the check cannot see (arguments 7.x removed or renamed).
   */
  private static void printVersionNotices() {
    Map<String, List<String>> filesByNotice = new TreeMap<>();
    HclFiles.all()
        .forEach(
            (path, file) -> {
              for (JsonNode terraform : file.path("terraform")) {
                for (JsonNode required : terraform.path("required_providers")) {
                  required
                      .fields()
                      .forEachRemaining(
                          p ->
                              ProviderVersionNotice.of(
                                      p.getKey(),
                                      p.getValue().path("version").asText(),
                                      SCHEMAS.providers())
                                  .ifPresent(
                                      n ->
                                          filesByNotice
                                              .computeIfAbsent(n, k -> new ArrayList<>())
                                              .add(
                                                  RepositoryLayout.root()
                                                      .relativize(path)
                                                      .toString())));
                }
              }
            });
    filesByNotice.forEach((notice, files) -> System.out.println("NOTICE " + notice + " " + files));
  }

  /** Resource and data blocks, including the data blocks scoped inside check blocks. */
  private static List<Block> blocksUnderTerraform() {
    List<Block> blocks = new ArrayList<>();
    for (Map.Entry<Path, JsonNode> entry : HclFiles.all().entrySet()) {
      Path file = RepositoryLayout.root().relativize(entry.getKey());
      JsonNode parsed = entry.getValue();
      addBlocks(file, Kind.RESOURCE, parsed.path("resource"), blocks);
      addBlocks(file, Kind.DATA, parsed.path("data"), blocks);
      parsed
          .path("check")
          .forEach(
              named ->
                  named.forEach(check -> addBlocks(file, Kind.DATA, check.path("data"), blocks)));
    }
    return blocks;
  }

  private static void addBlocks(Path file, Kind kind, JsonNode section, List<Block> blocks) {
    section
        .fields()
        .forEachRemaining(
            type ->
                type.getValue()
                    .fields()
                    .forEachRemaining(
                        label ->
                            label
                                .getValue()
                                .forEach(
                                    body ->
                                        blocks.add(
                                            new Block(
                                                file,
                                                kind,
                                                type.getKey(),
                                                label.getKey(),
                                                body)))));
  }
}
