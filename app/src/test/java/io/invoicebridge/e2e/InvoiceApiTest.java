package io.invoicebridge.e2e;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The v1 API's contract (docs/api.md) through real HTTP, one bridge against a fake freee. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceApiTest {

  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee, Map.of("bridge.rate-limit-per-minute", "6000", "bridge.max-batch-size", "5"));

  @Test
  void single_newKey_is201ThenReplayIs200WithReplayedHeader() {
    String body = item("single-1");

    HttpResponse<String> created = postSingle("single-1", body);
    HttpResponse<String> replayed = postSingle("single-1", body);

    assertEquals(201, created.statusCode());
    assertEquals(200, replayed.statusCode());
    assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(
        json(created).get("invoice_id").getLongValue(),
        json(replayed).get("invoice_id").getLongValue());
  }

  @Test
  void single_sameKeyDifferentInvoice_is422Conflict() {
    postSingle("single-2", item("single-2"));

    HttpResponse<String> conflict =
        postSingle("single-2", item("single-2").replace("\"1000\"", "\"2000\""));

    assertProblem(422, "key-conflict", conflict);
  }

  @Test
  void single_withoutIdempotencyKey_is400Problem() {
    HttpResponse<String> response =
        bridge.send(
            bridge.request("/v1/invoices").POST(HttpRequest.BodyPublishers.ofString(item("x"))));

    assertProblemJson(400, response);
  }

  @Test
  void single_freeeAnswers503_is502AndKeyStaysClaimedUntilReconciled() {
    freee.failNextCreates(5);

    HttpResponse<String> response = postSingle("single-down", item("single-down"));
    HttpResponse<String> resend = postSingle("single-down", item("single-down"));

    // A 5xx after sending is uncertain: the claim is kept, so a resend cannot create a duplicate
    // before whoever takes the expired claim over has searched freee for the invoice.
    assertEquals(502, response.statusCode());
    assertTrue(response.headers().firstValue("Retry-After").isPresent());
    assertEquals(409, resend.statusCode());
    assertTrue(resend.headers().firstValue("Retry-After").isPresent());
    assertEquals(0, freee.invoicesWithMemoContaining("[invoice-bridge:single-down]"));
  }

  @Test
  void lookup_createdKeyWithSlash_returnsInvoice() {
    postSingle("2026-11/ACME/7", item("2026-11/ACME/7"));

    HttpResponse<String> found =
        bridge.send(bridge.request("/v1/invoices?key=2026-11%2FACME%2F7").GET());

    assertEquals(200, found.statusCode());
    assertEquals("created", json(found).get("status").getStringValue());
  }

  @Test
  void lookup_unknownKey_is404Problem() {
    HttpResponse<String> response =
        bridge.send(bridge.request("/v1/invoices?key=never-seen").GET());

    assertProblem(404, "not-found", response);
  }

  @Test
  void anyV1Path_wrongToken_is401WithBearerChallenge() {
    HttpResponse<String> response =
        bridge.send(
            HttpRequest.newBuilder(bridge.uri("/v1/invoices/batch"))
                .header("Authorization", "Bearer " + "x".repeat(40))
                .POST(HttpRequest.BodyPublishers.ofString(TestItems.batch("k", 1, 101))));

    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertFalse(response.body().contains("x".repeat(40)));
  }

  @Test
  void batch_aboveMaxBatchSize_is413WithLimit() {
    HttpResponse<String> response = bridge.postBatch(TestItems.batch("big", 6, 101));

    assertEquals(413, response.statusCode());
    assertEquals(5, json(response).get("limit").getIntValue());
  }

  @Test
  void unknownPath_isProblemJson() {
    HttpResponse<String> response = bridge.send(bridge.request("/v1/nothing-here").GET());

    assertProblemJson(404, response);
  }

  @Test
  void health_detailsOnlyWithToken() {
    HttpResponse<String> anonymous =
        bridge.send(HttpRequest.newBuilder(bridge.uri("/health")).GET());
    HttpResponse<String> operator = bridge.send(bridge.request("/health").GET());

    assertEquals(200, anonymous.statusCode());
    assertTrue(json(anonymous).get("details") == null, anonymous.body());
    assertTrue(json(operator).get("details").get("configuration") != null, operator.body());
  }

  @Test
  void preflight_withFreeeProbe_passesFreeeChecks() {
    HttpResponse<String> response = bridge.send(bridge.request("/v1/preflight?probe=freee").GET());

    JsonNode report = json(response);
    assertEquals(200, response.statusCode());
    assertEquals("pass", verdictOf(report, "freee_probe"), response.body());
    assertEquals("warn", verdictOf(report, "shared_state"), response.body());
  }

  @Test
  void everyResponse_echoesCallersRequestId() {
    HttpResponse<String> response =
        bridge.send(
            bridge
                .request("/v1/invoices?key=nothing")
                .header("X-Request-Id", "field-app-42")
                .GET());

    assertEquals("field-app-42", response.headers().firstValue("X-Request-Id").orElse(""));
  }

  private static void assertProblem(int status, String type, HttpResponse<String> response) {
    assertEquals(status, response.statusCode());
    assertEquals("urn:invoice-bridge:problem:" + type, json(response).get("type").getStringValue());
  }

  private static void assertProblemJson(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
  }

  private static String verdictOf(JsonNode report, String name) {
    for (JsonNode check : report.get("checks").values()) {
      if (check.get("name").getStringValue().equals(name)) {
        return check.get("verdict").getStringValue();
      }
    }
    return "missing";
  }

  private HttpResponse<String> postSingle(String key, String body) {
    return bridge.send(
        bridge
            .request("/v1/invoices")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String item(String key) {
    return TestItems.json(key, 101, "1000").replace("\"key\":\"" + key + "\",", "");
  }
}
