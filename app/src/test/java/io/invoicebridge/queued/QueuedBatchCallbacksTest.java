package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.LogCapture;
import io.invoicebridge.testing.MutableClock;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One callback message, one attempt: delivered once, retried through the queue with backoff (no
 * thread waits), given up after the attempts, and never sent again once settled.
 */
class QueuedBatchCallbacksTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
  private final InMemoryQueuedBatchStore store = new InMemoryQueuedBatchStore(clock);
  private final JsonMapper json = JsonMapper.createDefault();
  @AutoClose private final CallbackReceiver receiver = CallbackReceiver.start();
  private final QueuedBatchCallbacks callbacks =
      new QueuedBatchCallbacks(
          store,
          new StoredItemsCodec(json),
          json,
          new QueuedBatchSettings(
              null, CallbackReceiver.SECRET, null, null, true, null, null, null, null),
          clock);
  private final QueuedBatchMessage message = QueuedBatchMessage.callbackOf("b-1");

  @BeforeEach
  void finishedBatchWithACallback() {
    store.submit(
        new NewQueuedBatch("b-1", "hash", null, receiver.url(), false, clock.instant()),
        List.of("{\"key\":\"k-1\"}"));
    assertTrue(store.record("b-1", 0, "{\"key\":\"k-1\",\"status\":\"created\"}", true));
  }

  @Test
  void deliver_receiverAnswers2xx_sendsTheSignedResultOnceAndSettlesDelivered() {
    Disposition disposition = callbacks.deliver(message);

    assertInstanceOf(Disposition.Done.class, disposition);
    assertEquals(1, receiver.delivered().size());
    CallbackReceiver.Received sent = receiver.delivered().getFirst();
    assertTrue(
        new CallbackSignature(CallbackReceiver.SECRET).verifies(sent.signature(), sent.body()));
    String body = new String(sent.body(), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"id\":\"b-1\""), body);
    assertTrue(body.contains("\"status\":\"complete\""), body);
    assertEquals(callback(CallbackStatus.DELIVERED, 1), store.find("b-1").orElseThrow().callback());
  }

  @Test
  void deliver_receiverFails_comesBackLaterWithGrowingBackoffAndNoWait() {
    receiver.answer(503);
    List<Duration> delays = new ArrayList<>();
    QueuedBatchMessage next = message;
    Instant started = Instant.now();

    for (int attempt = 1; attempt < QueuedBatchCallbacks.ATTEMPTS; attempt++) {
      Disposition.Later later = assertInstanceOf(Disposition.Later.class, callbacks.deliver(next));
      delays.add(later.delay());
      next = later.next();
    }

    assertEquals(
        List.of(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16)),
        delays);
    assertTrue(next.deliversCallback());
    assertEquals(4, next.attempts());
    assertTrue(Duration.between(started, Instant.now()).compareTo(Duration.ofSeconds(2)) < 0);
    assertEquals(4, receiver.received().size());
    assertEquals(callback(CallbackStatus.PENDING, 4), store.find("b-1").orElseThrow().callback());
  }

  @Test
  void deliver_everyAttemptFails_givesUpAsFailedWithAnErrorLine() {
    receiver.answer(500);
    Disposition last = null;
    try (LogCapture logs = new LogCapture()) {
      for (int attempt = 1; attempt <= QueuedBatchCallbacks.ATTEMPTS; attempt++) {
        last = callbacks.deliver(message);
      }

      Disposition.GaveUp gaveUp = assertInstanceOf(Disposition.GaveUp.class, last);
      assertTrue(gaveUp.reason().contains("HTTP 500"), gaveUp.reason());
      assertTrue(
          logs.events().stream()
              .anyMatch(
                  e ->
                      e.getLevel().toString().equals("ERROR")
                          && e.getFormattedMessage().contains("batch b-1 callback given up")),
          logs::text);
    }
    assertEquals(callback(CallbackStatus.FAILED, 5), store.find("b-1").orElseThrow().callback());
    assertInstanceOf(Disposition.Done.class, callbacks.deliver(message));
    assertEquals(5, receiver.received().size());
  }

  @Test
  void deliver_duplicateMessageAfterDelivery_sendsNothing() {
    callbacks.deliver(message);

    Disposition duplicate = callbacks.deliver(message);

    assertInstanceOf(Disposition.Done.class, duplicate);
    assertEquals(1, receiver.received().size());
  }

  @Test
  void deliver_whileAnotherDeliveryHoldsTheClaim_sendsNothingAndLooksAgainAfterTheClaim() {
    store.claimCallback(
        "b-1", "another-worker", QueuedBatchCallbacks.CLAIM, QueuedBatchCallbacks.ATTEMPTS);

    Disposition disposition = callbacks.deliver(message);

    Disposition.Later later = assertInstanceOf(Disposition.Later.class, disposition);
    assertEquals(QueuedBatchCallbacks.CLAIM, later.delay());
    assertEquals(message, later.next());
    assertEquals(0, receiver.received().size());
  }

  @Test
  void deliver_claimOfAWorkerThatStoppedOnItsLastAttempt_givesUp() {
    for (int attempt = 1; attempt <= QueuedBatchCallbacks.ATTEMPTS; attempt++) {
      store.claimCallback("b-1", "stopped-" + attempt, Duration.ofSeconds(1), 5);
      clock.advance(Duration.ofSeconds(2));
    }

    Disposition disposition = callbacks.deliver(message);

    assertInstanceOf(Disposition.GaveUp.class, disposition);
    assertEquals(0, receiver.received().size());
    assertEquals(callback(CallbackStatus.FAILED, 5), store.find("b-1").orElseThrow().callback());
  }

  @Test
  void deliver_targetRefusedAtSendTime_givesUpWithoutRetrying() {
    QueuedBatchCallbacks deployed =
        new QueuedBatchCallbacks(
            store,
            new StoredItemsCodec(json),
            json,
            new QueuedBatchSettings(
                null, CallbackReceiver.SECRET, null, null, false, null, null, null, null),
            clock);

    Disposition disposition = deployed.deliver(message);

    Disposition.GaveUp gaveUp = assertInstanceOf(Disposition.GaveUp.class, disposition);
    assertTrue(gaveUp.reason().contains("callback_url"), gaveUp.reason());
    assertEquals(0, receiver.received().size());
    assertEquals(CallbackStatus.FAILED, store.find("b-1").orElseThrow().callback().status());
  }

  private static StoredQueuedBatch.Callback callback(CallbackStatus status, int attempts) {
    return new StoredQueuedBatch.Callback(status, attempts);
  }
}
