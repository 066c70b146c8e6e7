package io.invoicebridge.e2e;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.queued.CallbackSignature;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The asynchronous batch API on one instance with in-memory stores and the local worker. */
class AsyncBatchApiTest {

  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));
  @AutoClose private final CallbackReceiver receiver = CallbackReceiver.start();

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee, CallbackReceiver.bridgeSettings(Map.of("bridge.rate-limit-per-minute", "6000")));

  @Test
  void submit_validBatch_answers202WithLocationAndCompletesInTheBackground() {
    HttpResponse<String> accepted = submit(TestItems.batch("async", 5, 101), null);

    assertEquals(202, accepted.statusCode(), accepted.body());
    String location = accepted.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith("/v1/batches/"), location);
    JsonNode done = pollUntilComplete(location);
    assertEquals(5, done.get("summary").get("created").getIntValue(), BridgeServer.text(done));
    assertEquals("created", done.get("results").get(0).get("status").getStringValue());
    for (int i = 0; i < 5; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:async-" + i + "]"));
    }
  }

  @Test
  void submit_sameIdempotencyKeyTwice_answersTheSameBatch() {
    String batch = TestItems.batch("twice", 2, 101);

    HttpResponse<String> first = submit(batch, "batch-key-1");
    HttpResponse<String> second = submit(batch, "batch-key-1");

    assertEquals(202, second.statusCode(), second.body());
    assertEquals(
        first.headers().firstValue("Location").orElseThrow(),
        second.headers().firstValue("Location").orElseThrow());
    assertTrue(json(second).get("resubmitted").getBooleanValue(), second.body());
    pollUntilComplete(first.headers().firstValue("Location").orElseThrow());
    assertEquals(2, freee.invoiceCount());
  }

  @Test
  void submit_sameIdempotencyKeyOtherBatch_answers422AndQueuesNothing() {
    submit(TestItems.batch("one", 1, 101), "batch-key-2");

    HttpResponse<String> other = submit(TestItems.batch("other", 1, 101), "batch-key-2");

    assertEquals(422, other.statusCode(), other.body());
    assertTrue(other.body().contains("key-conflict"), other.body());
  }

  @Test
  void submit_invalidItem_answers422AndQueuesNothing() {
    String batch = TestItems.batch("bad", 2, 101).replace("\"2026-11-30\"", "\"not-a-date\"");

    HttpResponse<String> refused = submit(batch, null);

    assertEquals(422, refused.statusCode(), refused.body());
    awaitQuiet();
    assertEquals(0, freee.createRequestCount());
  }

  @Test
  void submit_callbackToPrivateAddress_answers422() {
    String batch =
        TestItems.batch("ssrf", 1, 101)
            .replaceFirst("\\{", "{\"callback_url\":\"https://169.254.169.254/latest\",");

    HttpResponse<String> refused = submit(batch, null);

    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("/callback_url"), refused.body());
  }

  @Test
  void finishedBatch_sendsOneCallbackSignedWithTheSecret() {
    String batch =
        TestItems.batch("hook", 2, 101)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");

    HttpResponse<String> accepted = submit(batch, null);
    JsonNode done = pollUntilComplete(accepted.headers().firstValue("Location").orElseThrow());

    await(() -> !receiver.received().isEmpty());
    CallbackReceiver.Received callback = receiver.received().getFirst();
    assertTrue(
        new CallbackSignature(CallbackReceiver.SECRET)
            .verifies(callback.signature(), callback.body()),
        callback.signature());
    String body = new String(callback.body(), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"status\":\"complete\""), body);
    assertTrue(body.contains(done.get("id").getStringValue()), body);
    awaitQuiet();
    assertEquals(1, receiver.received().size());
  }

  private HttpResponse<String> submit(String body, String idempotencyKey) {
    HttpRequest.Builder request =
        bridge.request("/v1/batches").POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return bridge.send(request);
  }

  private JsonNode pollUntilComplete(String location) {
    JsonNode done = bridge.pollUntilComplete(location);
    assertTrue(done.get("complete").getBooleanValue(), BridgeServer.text(done));
    return done;
  }

  /** Polls until {@code condition} holds (at most ~60 s, then fails). */
  static void await(BooleanSupplier condition) {
    Waits.until(condition, Duration.ofMinutes(1), Duration.ofMillis(100));
  }

  /**
   * Long enough for the local worker to have taken anything queued (it first looks after 250 ms).
   */
  private static void awaitQuiet() {
    Waits.pause(Duration.ofSeconds(1));
  }
}
