package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.TestQueueUrls;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Submits whose queueing failed: the batch is recorded, the queue refuses, the client sees 503 and
 * resubmits with the same Idempotency-Key; the items must be queued then, or nobody ever works
 * them. A cloud queue (no local worker), so nothing touches the batch in between.
 */
class QueuedBatchResubmitTest {

  private final FakeFreee freee = FakeFreee.start();

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee,
          TestQueueUrls.with(
              Map.of("spec.name", "QueuedBatchResubmitTest", "bridge.batches.queue", "sqs")));

  private final FlakyQueue queue = bridge.context().getBean(FlakyQueue.class);

  @Test
  void resubmit_afterQueueingFailed_queuesTheItemsOfTheSameBatch() {
    // given: the first submit is recorded but cannot be queued
    queue.failures.set(1);
    String batch = TestItems.batch("requeue", 2, 101);
    HttpResponse<String> failed = submit(batch);
    assertEquals(503, failed.statusCode(), failed.body());
    assertEquals(0, queue.sent.size());

    // when
    HttpResponse<String> resubmitted = submit(batch);

    // then
    assertEquals(202, resubmitted.statusCode(), resubmitted.body());
    assertTrue(resubmitted.body().contains("\"resubmitted\":true"), resubmitted.body());
    assertEquals(2, queue.sent.size(), queue.sent::toString);
    String id = BridgeServer.json(resubmitted).get("id").getStringValue();
    assertTrue(queue.sent.stream().allMatch(m -> m.batchId().equals(id)), queue.sent::toString);
  }

  private HttpResponse<String> submit(String body) {
    return bridge.send(
        bridge
            .request("/v1/batches")
            .header("Idempotency-Key", "requeue-batch")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
