package io.invoicebridge.conformance.deployed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.queued.CallbackSignature;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Asynchronous batches on a cloud's queue as deployed: the HTTP function queues a batch's items,
 * and worker instances fed by a {@link QueueFeed} work them. A cloud's test subclasses this, starts
 * the queue, the function and its feed before the cases, and adds its own cases between the first
 * and the last; the last one kills a second worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class QueueWorkerCases {

  /** The order of the case that kills a worker: after every case a subclass adds. */
  protected static final int LAST = 100;

  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);

  protected final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));
  protected final CallbackReceiver receiver = CallbackReceiver.start();

  private final String batchPrefix;

  /** The function's environment (app settings) as the stack sets them. */
  protected Map<String, String> env;

  /** The HTTP function that takes batches, started by the subclass before the cases. */
  protected HttpTarget api;

  /** {@code batchPrefix}: the start of the cases' batch references, naming the cloud. */
  protected QueueWorkerCases(String batchPrefix) {
    this.batchPrefix = batchPrefix;
  }

  /**
   * The stack's environment pointed at these cases' fake freee and the test Redis, with {@code
   * BATCH_QUEUE}, and what no stack sets but these cases need: a claim's margin past its deadline
   * of 1 s (30 s otherwise), and the callback reaching the receiver on loopback over plain HTTP.
   */
  protected Map<String, String> stackEnvironment(String batchQueue) {
    Map<String, String> settings =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    settings.put("BATCH_QUEUE", batchQueue);
    settings.put("BRIDGE_CLAIM_MARGIN", "1s");
    settings.put("BRIDGE_BATCHES_CALLBACK_ALLOW_LOOPBACK", "true");
    return settings;
  }

  /** A second worker instance fed from the queue beside the first; closing it ends both. */
  public record SecondWorker(QueueFeed feed, HttpTarget instance, Runnable kill)
      implements AutoCloseable {

    @Override
    public void close() {
      try {
        feed.close();
      } finally {
        instance.close();
      }
    }
  }

  /** The feed of the first worker instance. */
  protected abstract QueueFeed feed();

  /** Starts a warm worker instance with these settings and its own feed. */
  protected abstract SecondWorker startSecondWorker(Map<String, String> settings);

  /** Asserts that nothing was dead-lettered and nothing else went astray. */
  protected abstract void assertNothingAstray();

  @Test
  @Order(1)
  void batchWithCallback_workedFromTheQueue_createsEachInvoiceOnceAndSendsTheCallbackOnce() {
    // given
    String batch =
        Invoices.batchOf(batchPrefix + "-hook", 3)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");

    // when
    String location = submit(batch);

    // then
    JsonNode done =
        awaitBatch(location, b -> "delivered".equals(b.path("callback").path("status").asText()));
    assertEquals(3, done.path("summary").path("created").asInt(), done::toString);
    assertInvoicedOnce(batchPrefix + "-hook", 3);
    assertEquals(1, receiver.delivered().size(), receiver.received()::toString);
    CallbackReceiver.Received sent = receiver.delivered().getFirst();
    assertTrue(
        new CallbackSignature(StackEnvironment.CALLBACK_SECRET)
            .verifies(sent.signature(), sent.body()));
    assertNothingAstray();
  }

  @Test
  @Order(LAST)
  void thirtyItems_oneWorkerKilledMidItem_completeWithEveryInvoiceCreatedOnce() {
    // given: a second worker instance beside the first, fed from the queue, with a short deadline
    // (a stack may set 2 s and up), so the item it holds when killed is free again within seconds
    Map<String, String> shortDeadline = new LinkedHashMap<>(env);
    shortDeadline.put("REQUEST_TIMEOUT_MS", "6000");
    int before = freee.invoiceCount();
    try (SecondWorker doomed = startSecondWorker(shortDeadline)) {
      String location = submit(Invoices.batchOf(batchPrefix + "-kill", 30));
      await(() -> freee.invoiceCount() >= before + 8);

      // when: freee holds the second instance's next answer (the invoice is made), and that
      // instance is killed
      feed().disable();
      int armed = freee.invoiceCount();
      freee.slowAfterNextCreates(1, Duration.ofSeconds(30));
      await(() -> freee.invoiceCount() > armed);
      doomed.kill().run();
      feed().enable();

      // then
      JsonNode done = awaitBatch(location, b -> "complete".equals(b.path("status").asText()));
      JsonNode summary = done.path("summary");
      // the killed worker's item is found in freee by its marker and recorded, answering replayed
      assertEquals(
          30, summary.path("created").asInt() + summary.path("replayed").asInt(), done::toString);
      assertInvoicedOnce(batchPrefix + "-kill", 30);
      assertEquals(before + 30, freee.invoiceCount());
    }
  }

  /** A one-item batch queued, and how many deliveries the first feed had made by then. */
  protected record Queued(String location, int earlier) {}

  /**
   * Queues a one-item batch with {@code reference} while the first feed is disabled, then takes
   * Redis out of reach (keeping its data); the feed stays disabled.
   */
  protected Queued queuedWhileRedisIsDown(String reference) {
    feed().disable();
    String location = submit(Invoices.batchOf(reference, 1));
    RedisServerExtension.stopKeepingData();
    return new Queued(location, feed().deliveries().size());
  }

  protected int maxAttempts() {
    return Integer.parseInt(env.get("BATCH_MAX_ATTEMPTS"));
  }

  /**
   * Asserts that the batch's one item was given up by the app with the reason, and returns that
   * item's result.
   */
  protected static JsonNode assertGivenUp(JsonNode done) {
    JsonNode result = done.path("results").get(0);
    assertEquals("failed", result.path("status").asText(), done::toString);
    assertTrue(
        result.path("detail").asText().contains("deliveries ended without an outcome"),
        done::toString);
    return result;
  }

  protected String submit(String batch) {
    Map<String, String> headers = new LinkedHashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    HttpAnswer accepted = api.send(HttpCall.post("/v1/batches", headers, batch));
    assertEquals(202, accepted.status(), accepted::text);
    return accepted.header("Location").orElseThrow();
  }

  protected JsonNode awaitComplete(String location) {
    return awaitBatch(location, b -> "complete".equals(b.path("status").asText()));
  }

  private JsonNode awaitBatch(String location, Predicate<JsonNode> done) {
    Instant limit = Instant.now().plus(LIMIT);
    JsonNode shown = null;
    while (Instant.now().isBefore(limit)) {
      shown = api.send(HttpCall.get(location, authorized())).json();
      if (done.test(shown)) {
        return shown;
      }
      ChildProcess.pause(POLL);
    }
    throw new AssertionError("not done within " + LIMIT + ": " + shown);
  }

  protected static void await(BooleanSupplier condition) {
    Instant limit = Instant.now().plus(LIMIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(limit)) {
        throw new AssertionError("not within " + LIMIT);
      }
      ChildProcess.pause(POLL);
    }
  }

  /** Closes each in turn, those not started (null) passed over. */
  protected static void closeAll(AutoCloseable... open) {
    for (AutoCloseable each : open) {
      try {
        if (each != null) {
          each.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void assertInvoicedOnce(String prefix, int count) {
    for (int i = 1; i <= count; i++) {
      String marker = "[invoice-bridge:" + prefix + "/" + i + "]";
      assertEquals(1, freee.invoicesWithMemoContaining(marker), marker);
    }
  }

  private static Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + ConformanceTarget.RUN_TOKEN);
  }
}
