package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.TestQueueUrls;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A message delivered again after its item got its final result (the worker stopped before the
 * queue heard that it was settled) works nothing again: the batch's result is the one that stands,
 * and freee is not called for it.
 */
class QueuedBatchWorkerRedeliveryTest {

  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee,
          TestQueueUrls.with(
              Map.of(
                  "spec.name", "QueuedBatchWorkerRedeliveryTest",
                  "bridge.batches.queue", "sqs",
                  "bridge.batches.max-attempts", "2")));

  private final FlakyQueue queue = bridge.context().getBean(FlakyQueue.class);
  private final QueuedBatchWorker worker = bridge.context().getBean(QueuedBatchWorker.class);

  @Test
  void handle_itemGivenUpThenDeliveredAgain_createsNothingAndTheFailureStands() {
    // given: the item given up (its deliveries ran past BATCH_MAX_ATTEMPTS), recorded failed
    String id = submit();
    QueuedBatchMessage message = queue.sent.getFirst();
    assertInstanceOf(Disposition.GaveUp.class, worker.handle(message, 3));

    // when: the same message comes once more, counted afresh (e.g. a copy sent for a later try)
    Disposition again = worker.handle(message, 1);

    // then
    assertInstanceOf(Disposition.Done.class, again);
    assertEquals(0, freee.createRequestCount());
    JsonNode shown = BridgeServer.json(bridge.send(bridge.request("/v1/batches/" + id).GET()));
    assertEquals("failed", shown.get("results").get(0).get("status").getStringValue());
  }

  @Test
  void handle_itemCreatedThenDeliveredAgain_callsFreeeOnce() {
    // given
    submit();
    QueuedBatchMessage message = queue.sent.getFirst();
    assertInstanceOf(Disposition.Done.class, worker.handle(message, 1));

    // when
    Disposition again = worker.handle(message, 2);

    // then: not even the ledger's replay: freee saw one create and no look-up
    assertInstanceOf(Disposition.Done.class, again);
    assertEquals(1, freee.createRequestCount());
    assertEquals(1, freee.invoiceCount());
  }

  private String submit() {
    HttpResponse<String> accepted = bridge.submitBatch(TestItems.batch("again", 1, 101));
    assertEquals(202, accepted.statusCode(), accepted.body());
    return BridgeServer.json(accepted).get("id").getStringValue();
  }
}
