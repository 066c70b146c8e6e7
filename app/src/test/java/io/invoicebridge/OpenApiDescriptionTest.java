package io.invoicebridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.health.CheckResult;
import io.invoicebridge.invoice.ItemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yml is the description micronaut-openapi generates from the controllers at compile
 * time (target/openapi/openapi.yml), and Redocly's linter passes it.
 */
class OpenApiDescriptionTest {

  private static final Path GENERATED =
      Path.of(System.getProperty("openapi.generated", "target/openapi/openapi.yml"));
  private static final Path COMMITTED =
      Path.of(System.getProperty("openapi.committed", "../docs/openapi.yml"));

  @Test
  void committedDescription_afterCompile_equalsTheGeneratedOne() throws IOException {
    assertEquals(
        Files.readString(GENERATED),
        Files.readString(COMMITTED),
        "docs/openapi.yml is not what the controllers describe: run ./mvnw -q -pl app clean"
            + " compile (clean: a change to src/main/openapi alone recompiles nothing), then cp"
            + " app/target/openapi/openapi.yml docs/openapi.yml");
  }

  @Test
  void statusEnums_everyWireName_listedAsServed() throws IOException {
    Map<String, Object> schemas = schemas(Files.readString(GENERATED));

    assertEquals(
        Arrays.stream(ItemStatus.values()).map(ItemStatus::wireName).toList(),
        enumOf(schemas, "ItemStatus"));
    assertEquals(
        Arrays.stream(CheckResult.Verdict.values()).map(CheckResult.Verdict::wireName).toList(),
        enumOf(schemas, "CheckResult.Verdict"));
  }

  @Test
  void redoclyLint_committedDescription_passes() {
    RedoclyLint.Result result = new RedoclyLint().lint(COMMITTED);

    assertTrue(result.passed(), result::output);
  }

  @Test
  void redoclyLint_twoOperationsOfOneId_fails(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("openapi.yml");
    Files.writeString(
        broken,
        Files.readString(COMMITTED).replace("operationId: showBatch", "operationId: submitBatch"));

    RedoclyLint.Result result = new RedoclyLint().lint(broken);

    assertFalse(result.passed(), result::output);
    assertTrue(result.output().contains("operation-operationId-unique"), result::output);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schemas(String yaml) {
    Map<String, Object> description = new Yaml().load(yaml);
    return (Map<String, Object>)
        ((Map<String, Object>) description.get("components")).get("schemas");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> enumOf(Map<String, Object> schemas, String name) {
    return (List<Object>) ((Map<String, Object>) schemas.get(name)).get("enum");
  }
}
