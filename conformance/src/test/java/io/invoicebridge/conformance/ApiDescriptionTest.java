package io.invoicebridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check NettyConformanceTest applies to every exchange finds what the description lacks. */
class ApiDescriptionTest {

  private static final Map<String, String> JSON_REQUEST =
      Map.of("Authorization", "Bearer token", "Content-Type", "application/json");
  private static final String BATCH_ANSWER =
      """
      {"complete":true,"dry_run":false,"summary":{"created":1,"replayed":0,"rejected":0,\
      "conflict":0,"failed":0,"in_progress":0,"not_attempted":0,"dry_run":0},\
      "results":[{"key":"a","status":"created","invoice_id":7,"attempts":1}]}""";

  private final ApiDescription description = ApiDescription.committed();

  @Test
  void problems_describedExchange_none() {
    List<String> problems = answeringOneItemBatch(200, BATCH_ANSWER);

    assertEquals(List.of(), problems);
  }

  @Test
  void problems_statusNotDescribed_named() {
    assertNamed("418", answeringOneItemBatch(418, BATCH_ANSWER));
  }

  static Stream<Arguments> answersTheDescriptionLacks() {
    return Stream.of(
        Arguments.of("a required field left out", "\"complete\":true,", "", "complete"),
        Arguments.of(
            "an undescribed field", "\"complete\":true,", "\"complete\":true,\"eta\":3,", "eta"),
        Arguments.of(
            "an undescribed status value",
            "\"status\":\"created\"",
            "\"status\":\"CREATED\"",
            "CREATED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answersTheDescriptionLacks")
  void problems_answerNotDescribed_namesWhatItLacks(
      String answerWith, String described, String changedTo, String named) {
    String changed = BATCH_ANSWER.replace(described, changedTo);

    assertNamed(named, answeringOneItemBatch(200, changed));
  }

  @Test
  void problems_pathNotDescribed_named() {
    List<String> problems =
        description.problems(
            HttpCall.get("/v1/receipts", Map.of("Authorization", "Bearer token")), json(200, "{}"));

    assertFalse(problems.isEmpty());
  }

  @Test
  void problems_acceptedRequestNotDescribed_named() {
    String noLines = Invoices.batchOf("k", 1).replaceFirst(",\"lines\":\\[[^]]*]", "");

    assertNamed("lines", description.problems(batch(noLines), json(200, BATCH_ANSWER)));
  }

  @Test
  void problems_refusedRequestWithDescribedProblem_none() {
    String problem =
        """
        {"type":"urn:invoice-bridge:problem:malformed-body","title":"t","status":400,\
        "detail":"d"}""";

    List<String> problems =
        description.problems(
            batch("{\"invoices\": ["),
            new HttpAnswer(
                400,
                Map.of("Content-Type", List.of("application/problem+json")),
                problem.getBytes(StandardCharsets.UTF_8)));

    assertEquals(List.of(), problems);
  }

  private static void assertNamed(String word, List<String> problems) {
    assertTrue(problems.toString().contains(word), problems::toString);
  }

  private List<String> answeringOneItemBatch(int status, String body) {
    return description.problems(batch(Invoices.batchOf("k", 1)), json(status, body));
  }

  private static HttpCall batch(String body) {
    return HttpCall.post("/v1/invoices/batch", JSON_REQUEST, body);
  }

  private static HttpAnswer json(int status, String body) {
    return new HttpAnswer(
        status,
        Map.of("Content-Type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
