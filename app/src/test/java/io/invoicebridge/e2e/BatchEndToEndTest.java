package io.invoicebridge.e2e;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The exactly-once promises of issue 2, through real HTTP against a fake freee. */
class BatchEndToEndTest {

  /** Generous limits unless a test is about them, so pacing does not dominate the suite's time. */
  @AutoClose
  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));

  @AutoClose private BridgeServer bridge;

  @Test
  void batch_twentyItems_createdOnceThenReplayedOnResend() {
    bridge = start(Map.of());
    String batch = TestItems.batch("twenty", 20, 101);

    JsonNode first = json(bridge.postBatch(batch));
    JsonNode second = json(bridge.postBatch(batch));

    assertTrue(first.get("complete").getBooleanValue());
    assertEquals(20, first.get("summary").get("created").getIntValue());
    assertEquals(20, second.get("summary").get("replayed").getIntValue());
    assertEquals(20, freee.invoiceCount());
    assertEquals(ids(first), ids(second), "a replay returns the ids the first request created");
  }

  @Test
  void batch_connectionDroppedAfterCreating_resendMakesNoDuplicate() {
    bridge = start(Map.of());
    freee.dropAfterNextCreates(2);
    String batch = TestItems.batch("dropped", 5, 101);

    JsonNode first = json(bridge.postBatch(batch));
    JsonNode resend = json(bridge.postBatch(batch));

    assertEquals(5, freee.invoiceCount());
    assertTrue(resend.get("complete").getBooleanValue());
    for (int i = 0; i < 5; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:dropped-" + i + "]"));
    }
    assertEquals(ids(first), ids(resend));
  }

  @Test
  void batch_twoConcurrentIdenticalBatches_createEachInvoiceOnce() {
    bridge = start(Map.of("bridge.concurrent-freee-calls", "2"));
    freee.latency(Duration.ofMillis(50));
    String batch = TestItems.batch("twins", 10, 102);

    CompletableFuture<HttpResponse<String>> a =
        CompletableFuture.supplyAsync(() -> bridge.postBatch(batch));
    CompletableFuture<HttpResponse<String>> b =
        CompletableFuture.supplyAsync(() -> bridge.postBatch(batch));
    List<JsonNode> answers = List.of(json(a.join()), json(b.join()));

    assertEquals(10, freee.invoiceCount());
    for (int i = 0; i < 10; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:twins-" + i + "]"));
    }
    for (JsonNode answer : answers) {
      for (JsonNode result : answer.get("results").values()) {
        String status = result.get("status").getStringValue();
        assertTrue(List.of("created", "replayed", "in_progress").contains(status), status);
      }
    }
  }

  @Test
  void batch_freeeLimitOfFivePerTwoSeconds_isNeverExceeded() {
    freee.rateLimit(5, Duration.ofSeconds(2));
    // Paced a little under freee's limit, as docs/configuration.md advises: pacing governs when
    // calls start, and a few milliseconds of network jitter must not push a call into the previous
    // window.
    assertTwelveCreatedWithoutA429("paced", "140", "2");

    assertTrue(freee.maxCallsInAnyWindow(Duration.ofSeconds(2)) <= 5);
  }

  @Test
  void batch_bridgeFasterThanFreee_waitsForTheResetFreeesHeadersAnnounce() {
    freee.rateLimit(4, Duration.ofSeconds(1));
    // Each answer says how many calls are left; at zero the bridge waits for the announced reset
    // instead of running into a 429.
    assertTwelveCreatedWithoutA429("throttled", "6000", "1");
  }

  @Test
  void batch_deadlineTooShortForAll_answersInTimeWithPartialResultsAndResendCompletes() {
    freee.latency(Duration.ofMillis(300));
    bridge =
        start(Map.of("bridge.request-timeout-ms", "3000", "bridge.concurrent-freee-calls", "1"));
    String batch = TestItems.batch("deadline", 20, 103);

    Instant sent = Instant.now();
    HttpResponse<String> first = bridge.postBatch(batch);
    Duration took = Duration.between(sent, Instant.now());
    JsonNode firstJson = json(first);

    assertTrue(took.compareTo(Duration.ofMillis(3000 + 1500)) < 0, "answered after " + took);
    assertFalse(firstJson.get("complete").getBooleanValue());
    assertTrue(first.headers().firstValue("Retry-After").isPresent());
    assertTrue(firstJson.get("summary").get("created").getIntValue() > 0);
    HttpResponse<String> last = first;
    for (int round = 0; round < 15 && !json(last).get("complete").getBooleanValue(); round++) {
      last = bridge.postBatch(batch);
    }
    assertTrue(json(last).get("complete").getBooleanValue(), last.body());
    assertEquals(20, freee.invoiceCount());
  }

  @Test
  void batch_expiredAccessToken_refreshesExactlyOnce() {
    bridge = start(Map.of());
    json(bridge.postBatch(TestItems.batch("before", 2, 101)));
    int refreshesBefore = freee.refreshCount();
    freee.expireAccessTokens();

    JsonNode answer = json(bridge.postBatch(TestItems.batch("after", 5, 101)));

    assertEquals(5, answer.get("summary").get("created").getIntValue());
    assertEquals(refreshesBefore + 1, freee.refreshCount());
    assertEquals(0, freee.invalidGrantCount());
  }

  @Test
  void batch_freeeRejectsUnknownPartner_reportsRejectedAndFreesKey() {
    bridge = start(Map.of());
    String batch = TestItems.batchOf(TestItems.json("unknown-partner", 999, "100"));

    JsonNode answer = json(bridge.postBatch(batch));
    JsonNode result = answer.get("results").values().iterator().next();

    assertEquals("rejected", result.get("status").getStringValue());
    assertTrue(result.get("errors").size() > 0);
    assertTrue(answer.get("complete").getBooleanValue());
    assertEquals(
        404, bridge.send(bridge.request("/v1/invoices?key=unknown-partner").GET()).statusCode());
  }

  @Test
  void batch_freeeUnreachable_failsFastAfterAFewCallsAndCreatesNothing() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort;
    bridge =
        start(
            Map.of(
                "bridge.freee-api-base-url", nowhere,
                "micronaut.http.services.freee-api.url", nowhere));

    JsonNode answer = json(bridge.postBatch(TestItems.batch("outage", 30, 101)));

    assertFalse(answer.get("complete").getBooleanValue());
    assertEquals(0, freee.invoiceCount());
    long failedFast =
        java.util.stream.StreamSupport.stream(answer.get("results").values().spliterator(), false)
            .filter(result -> result.get("detail").getStringValue().contains("calls in a row"))
            .count();
    assertTrue(failedFast >= 20, "items refused by the outage breaker: " + failedFast);
  }

  /** Sends twelve items through a bridge paced at {@code perMinute}: all created, none refused. */
  private void assertTwelveCreatedWithoutA429(String name, String perMinute, String freeeCalls) {
    bridge =
        start(
            Map.of(
                "bridge.rate-limit-per-minute",
                perMinute,
                "bridge.concurrent-freee-calls",
                freeeCalls));

    JsonNode answer = json(bridge.postBatch(TestItems.batch(name, 12, 101)));

    assertTrue(answer.get("complete").getBooleanValue());
    assertEquals(12, freee.invoiceCount());
    assertEquals(0, freee.rateLimitedCount());
  }

  private BridgeServer start(Map<String, Object> overrides) {
    Map<String, Object> settings =
        new java.util.HashMap<>(Map.of("bridge.rate-limit-per-minute", "6000"));
    settings.putAll(overrides);
    return BridgeServer.start(freee, freee.issueRefreshToken(), settings);
  }

  private static List<Long> ids(JsonNode answer) {
    return java.util.stream.StreamSupport.stream(
            answer.get("results").values().spliterator(), false)
        .map(result -> result.get("invoice_id").getLongValue())
        .toList();
  }
}
