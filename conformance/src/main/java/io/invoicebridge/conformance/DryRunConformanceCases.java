package io.invoicebridge.conformance;

import static io.invoicebridge.conformance.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases that need no freee: health, authentication, validation, limits, dry run, problem
 * documents, text encoding and the request id. Run with {@code FREEE_DRY_RUN=true}.
 */
public abstract class DryRunConformanceCases extends ConformanceTarget {

  private static final String BATCH = "/v1/invoices/batch";

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = commonSettings();
    settings.put("bridge.freee-dry-run", "true");
    return settings;
  }

  @Test
  void health_withoutToken_answersUpWithoutDetails() {
    HttpAnswer answer = send(HttpCall.get("/health", Map.of()));

    assertEquals(200, answer.status(), answer::text);
    assertEquals("UP", answer.json().path("status").asText());
    assertTrue(answer.json().path("details").isMissingNode(), answer::text);
  }

  @Test
  void health_withToken_showsDetails() {
    HttpAnswer answer = send(HttpCall.get("/health", authorized()));

    assertEquals(200, answer.status(), answer::text);
    assertTrue(answer.json().path("details").has("configuration"), answer::text);
  }

  @Test
  void healthProbes_withoutToken_answerUp() {
    for (String probe : List.of("/health/liveness", "/health/readiness")) {
      HttpAnswer answer = send(HttpCall.get(probe, Map.of()));

      assertEquals(200, answer.status(), () -> probe + ": " + answer.text());
    }
  }

  @Test
  void managementEndpoints_otherThanHealth_answer404Or401WithOrWithoutToken() {
    ManagementEndpoints.assertClosed(this::send, Map.of());
    ManagementEndpoints.assertClosed(this::send, authorized());
  }

  @Test
  void v1_withoutToken_answers401ProblemWithBearerChallenge() {
    HttpAnswer answer =
        send(HttpCall.post(BATCH, Map.of("Content-Type", "application/json"), "{}"));

    assertProblem(answer, 401, "unauthorized");
    assertTrue(answer.header("WWW-Authenticate").orElse("").startsWith("Bearer"), answer::toString);
  }

  @Test
  void v1_withWrongToken_answers401() {
    Map<String, String> headers = Map.of("Authorization", "Bearer " + "x".repeat(40));

    assertProblem(send(HttpCall.get("/v1/invoices?key=a", headers)), 401, "unauthorized");
  }

  @Test
  void batch_inDryRun_answersWouldSendForEveryItem() {
    HttpAnswer answer =
        send(HttpCall.post(BATCH, json(authorized()), Invoices.batchOf("2026-09/dry", 2)));

    assertEquals(200, answer.status(), answer::text);
    JsonNode body = answer.json();
    assertAll(
        () -> assertEquals("application/json", answer.mediaType()),
        () -> assertTrue(body.path("complete").asBoolean(), answer::text),
        () -> assertTrue(body.path("dry_run").asBoolean(), answer::text),
        () -> assertEquals(2, body.path("results").size()),
        () -> assertEquals("2026-09/dry/1", body.path("results").path(0).path("key").asText()),
        () -> assertEquals("dry_run", body.path("results").path(1).path("status").asText()),
        () -> assertEquals(Invoices.PARTNER_CODE, wouldSend(body, 0).path("partner_code").asText()),
        () -> assertTrue(answer.header("Retry-After").isEmpty(), "complete: no Retry-After"));
  }

  @Test
  void batch_japaneseText_roundTripsUnchanged() {
    HttpAnswer answer =
        send(HttpCall.post(BATCH, json(authorized()), Invoices.batch(Invoices.item("2026-09/jp"))));

    assertEquals(200, answer.status(), answer::text);
    JsonNode sent = wouldSend(answer.json(), 0);
    assertEquals(Invoices.JAPANESE_SUBJECT, sent.path("subject").asText());
    assertEquals(Invoices.JAPANESE_LINE, sent.path("lines").path(0).path("description").asText());
    assertTrue(answer.text().contains(Invoices.JAPANESE_SUBJECT), "UTF-8 on the wire, unescaped");
  }

  @Test
  void batch_withInvalidItems_answers422ListingEveryPointer() {
    ObjectNode noDate = Invoices.item("2026-09/bad/1");
    noDate.remove("billing_date");
    ObjectNode badRate = Invoices.item("2026-09/bad/2");
    ((ObjectNode) badRate.path("lines").path(0)).put("tax_rate", 7);

    HttpAnswer answer =
        send(HttpCall.post(BATCH, json(authorized()), Invoices.batch(noDate, badRate)));

    JsonNode problem = assertProblem(answer, 422, "validation");
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
    assertTrue(pointers.contains("/invoices/0/billing_date"), pointers::toString);
    assertTrue(pointers.contains("/invoices/1/lines/0/tax_rate"), pointers::toString);
    assertEquals(pointers.size(), problem.path("error_count").asInt(), answer::text);
  }

  @Test
  void batch_numberBeyondADouble_answers422NamingTheField() {
    String batch =
        Invoices.batch(Invoices.item("2026-09/huge"))
            .replace("\"quantity\":1", "\"quantity\":1e400");

    JsonNode problem =
        assertProblem(send(HttpCall.post(BATCH, json(authorized()), batch)), 422, "validation");

    assertEquals(
        "/invoices/0/lines/0/quantity", problem.path("errors").path(0).path("pointer").asText());
  }

  @Test
  void batch_aboveMaxBatchSize_answers413WithTheLimit() {
    String tooMany = Invoices.batchOf("2026-09/big", MAX_BATCH_SIZE + 1);

    JsonNode problem =
        assertProblem(
            send(HttpCall.post(BATCH, json(authorized()), tooMany)), 413, "payload-too-large");

    assertEquals(MAX_BATCH_SIZE, problem.path("limit").asInt());
  }

  @Test
  void batch_notJson_answers400Problem() {
    assertProblem(
        send(HttpCall.post(BATCH, json(authorized()), "{\"invoices\": [")), 400, "malformed-body");
  }

  @Test
  void single_withoutIdempotencyKey_answers400Problem() {
    String item = Invoices.item("unused").toString();

    assertProblem(
        send(HttpCall.post("/v1/invoices", json(authorized()), item)),
        400,
        "missing-idempotency-key");
  }

  @Test
  void lookup_unknownKeyWithSlashes_answers404Problem() {
    HttpAnswer answer = send(HttpCall.get("/v1/invoices?key=2026-09%2FACME%2F404", authorized()));

    assertProblem(answer, 404, "not-found");
  }

  @Test
  void lookup_keyOutsideThePattern_answers400NamingTheKey() {
    for (String key : List.of("has%20space", "a".repeat(129), "%E2%9C%93", "a*")) {
      HttpAnswer refused = send(HttpCall.get("/v1/invoices?key=" + key, authorized()));

      assertEquals(
          "key", assertProblem(refused, 400, "invalid-parameter").path("parameter").asText());
    }
  }

  @Test
  void lookup_withoutKey_answers400Problem() {
    assertProblem(send(HttpCall.get("/v1/invoices", authorized())), 400, "missing-parameter");
  }

  @Test
  void requestId_givenByCaller_isEchoed() {
    HttpAnswer answer = send(HttpCall.get("/health", Map.of("X-Request-Id", "caller-req-42")));

    assertEquals("caller-req-42", answer.header("X-Request-Id").orElse(""));
  }

  @Test
  void requestId_notGiven_isOnEveryResponseErrorsIncluded() {
    HttpAnswer ok = send(HttpCall.get("/health", Map.of()));
    HttpAnswer refused = send(HttpCall.get("/v1/invoices?key=a", Map.of()));

    assertFalse(ok.header("X-Request-Id").orElse("").isBlank(), ok::toString);
    assertFalse(refused.header("X-Request-Id").orElse("").isBlank(), refused::toString);
  }

  @Test
  void request_withCookies_isServedAsWithout() {
    HttpAnswer answer = send(HttpCall.get("/health", Map.of("Cookie", "a=1; b=2")));

    assertEquals(200, answer.status(), answer::text);
  }

  private static JsonNode wouldSend(JsonNode batch, int index) {
    return batch.path("results").path(index).path("would_send");
  }
}
