package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.TestQueueUrls;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The worker and the callback on a cloud queue stand-in (no local worker): the test hands each
 * message to the worker as a transport would. The item that finishes a batch queues its callback
 * message instead of sending it; a worker that stops between the two leaves the callback to its
 * item's redelivery.
 */
class QueuedBatchWorkerCallbackTest {

  private final FakeFreee freee = FakeFreee.start();
  @AutoClose private final CallbackReceiver receiver = CallbackReceiver.start();

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee,
          CallbackReceiver.bridgeSettings(
              TestQueueUrls.with(
                  Map.of(
                      "spec.name", "QueuedBatchWorkerCallbackTest",
                      "bridge.batches.queue", "sqs",
                      "bridge.freee-dry-run", "true"))));

  private final FlakyQueue queue = bridge.context().getBean(FlakyQueue.class);
  private final QueuedBatchWorker worker = bridge.context().getBean(QueuedBatchWorker.class);

  @Test
  void handle_itemThatFinishesTheBatch_queuesTheCallbackForItsOwnDelivery() {
    // given
    String id = submit();
    List<QueuedBatchMessage> items = takeSent();

    // when
    items.forEach(item -> assertDone(worker.handle(item, 1)));

    // then: queued, not sent inline
    assertEquals(List.of(QueuedBatchMessage.callbackOf(id)), queue.sent);
    assertEquals(0, receiver.received().size());
    assertDone(worker.handle(queue.sent.getFirst(), 1));
    assertEquals(1, receiver.delivered().size());
  }

  @Test
  void handle_callbackNotQueuedAfterTheFinalRecord_itemRedeliveredQueuesItDeliveredOnce() {
    // given: the first item done; the queue will refuse the next send
    String id = submit();
    List<QueuedBatchMessage> items = takeSent();
    assertDone(worker.handle(items.get(0), 1));
    queue.failures.set(1);

    // when: the last item's final result is recorded, but its callback cannot be queued, so the
    // item's message is not settled and the queue delivers it again
    assertThrows(QueuedBatchStoreUnavailableException.class, () -> worker.handle(items.get(1), 1));
    assertEquals(List.of(), queue.sent);
    assertDone(worker.handle(items.get(1), 2));

    // then: the callback is queued and delivered once, even with its message delivered twice
    assertEquals(List.of(QueuedBatchMessage.callbackOf(id)), queue.sent);
    assertDone(worker.handle(queue.sent.getFirst(), 1));
    assertDone(worker.handle(queue.sent.getFirst(), 2));
    assertEquals(1, receiver.delivered().size());
    assertEquals(1, receiver.received().size());
    JsonNode callback = show(id).get("callback");
    assertEquals("delivered", callback.get("status").getStringValue());
    assertEquals(1, callback.get("attempts").getIntValue());
  }

  @Test
  void show_batchWithoutCallbackUrl_hasNoCallbackState() {
    HttpResponse<String> accepted = bridge.submitBatch(TestItems.batch("plain", 1, 101));
    String id = BridgeServer.json(accepted).get("id").getStringValue();

    assertEquals(null, show(id).get("callback"));
  }

  private String submit() {
    String batch =
        TestItems.batch("hook", 2, 101)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");
    HttpResponse<String> accepted = bridge.submitBatch(batch);
    assertEquals(202, accepted.statusCode(), accepted.body());
    JsonNode shown = show(BridgeServer.json(accepted).get("id").getStringValue());
    JsonNode callback = shown.get("callback");
    assertEquals("pending", callback.get("status").getStringValue(), BridgeServer.text(shown));
    assertEquals(0, callback.get("attempts").getIntValue());
    return shown.get("id").getStringValue();
  }

  private JsonNode show(String id) {
    return BridgeServer.json(bridge.send(bridge.request("/v1/batches/" + id).GET()));
  }

  private List<QueuedBatchMessage> takeSent() {
    List<QueuedBatchMessage> sent = List.copyOf(queue.sent);
    queue.sent.clear();
    return sent;
  }

  private static void assertDone(Disposition disposition) {
    assertInstanceOf(Disposition.Done.class, disposition);
  }
}
