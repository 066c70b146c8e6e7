package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules SchemaConformance applies, on small hand-written schemas and bodies. */
class SchemaConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void check_unknownArgumentInsideDynamicBlock_isReported() throws Exception {
    // given
    JsonNode schema = JSON.readTree("{\"blocks\":{\"rule\":{\"optional\":[\"name\"]}}}");
    JsonNode body =
        JSON.readTree(
            "{\"dynamic\":{\"rule\":[{\"for_each\":\"${var.x}\",\"content\":[{\"nme\":1}]}]}}");

    // when
    List<String> problems = SchemaConformance.check(body, schema, "t.x");

    // then
    assertEquals(List.of("t.x.rule: unknown argument or block nme"), problems);
  }

  @Test
  void check_missingRequiredArgumentAndBlock_areReported() throws Exception {
    // given
    JsonNode schema =
        JSON.readTree(
            "{\"required\":[\"name\"],\"blocks\":{\"site_config\":{\"min_items\":1,\"max_items\":1}}}");
    JsonNode body = JSON.readTree("{\"count\":1,\"lifecycle\":[{\"ignore_changes\":[]}]}");

    // when
    List<String> problems = SchemaConformance.check(body, schema, "t.x");

    // then
    assertEquals(
        List.of("t.x: missing required argument name", "t.x: missing required block site_config"),
        problems);
  }

  @Test
  void check_computedOnlyAttribute_isReportedAsNotSettable() throws Exception {
    // given
    JsonNode schema = JSON.readTree("{\"optional\":[\"name\"],\"computed\":[\"arn\"]}");
    JsonNode body = JSON.readTree("{\"name\":\"a\",\"arn\":\"b\",\"depends_on\":[]}");

    // when
    List<String> problems = SchemaConformance.check(body, schema, "t.x");

    // then
    assertEquals(List.of("t.x: arn is computed by the provider and cannot be set"), problems);
  }

  @Test
  void check_blockWrittenAsAnArgument_isReported() throws Exception {
    // given
    JsonNode schema = JSON.readTree("{\"blocks\":{\"identity\":{\"required\":[\"type\"]}}}");
    JsonNode body = JSON.readTree("{\"identity\":{\"type\":\"SystemAssigned\"}}");

    // when
    List<String> problems = SchemaConformance.check(body, schema, "t.x");

    // then
    assertEquals(
        List.of("t.x: identity is a block: write identity { ... }, not identity = ..."), problems);
  }
}
