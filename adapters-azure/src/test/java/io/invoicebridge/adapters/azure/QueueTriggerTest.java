package io.invoicebridge.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.batch.CallbackSignature;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.testing.CallbackReceiver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on an Azure Storage queue through the function class: the HTTP function puts
 * a batch's items on the queue (a stand-in of the queue service and the identity endpoint), and the
 * queue-triggered method gets each message as the host gives it (decoded text, dequeue count),
 * every message twice (delivery is at least once); a batch's callback travels the same way.
 */
class QueueTriggerTest {

  private static final String CALLBACK_SECRET = "queue-trigger-callback-secret-0123456789";

  private final StorageQueueStandIn azure = StorageQueueStandIn.start();
  private final CallbackReceiver receiver = CallbackReceiver.start();
  private AzureTarget function;

  @AfterEach
  void stop() {
    if (function != null) {
      function.close();
    }
    receiver.close();
    azure.close();
  }

  @Test
  void everyMessageTriggeredTwice_completesTheBatch() throws Exception {
    // given
    function = AzureTarget.start(settings());
    HttpAnswer accepted = function.send(submit(Invoices.batchOf("2026-09/queue", 3)));
    assertEquals(202, accepted.status(), accepted::text);
    List<StorageQueueStandIn.Put> queued = azure.puts();
    assertEquals(3, queued.size(), queued::toString);
    assertEquals(List.of(), azure.refused());
    assertTrue(queued.stream().allMatch(p -> p.queuePath().endsWith("/batches")), queued::toString);

    // when
    for (int dequeueCount = 1; dequeueCount <= 2; dequeueCount++) {
      for (StorageQueueStandIn.Put put : queued) {
        function.function().work(put.text(), dequeueCount, new Invocation("queue-" + dequeueCount));
      }
    }

    // then
    HttpAnswer done =
        function.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals("complete", done.json().path("status").asText(), done::text);
    assertEquals(3, done.json().path("summary").path("dry_run").asInt(), done::text);
    assertEquals(3, azure.puts().size(), "nothing handed back or dead-lettered");
  }

  @Test
  void callbackMessageTriggeredTwice_isPutOnTheQueueAndDeliveredOnce() throws Exception {
    // given: a batch with a callback, its items worked
    function = AzureTarget.start(settings());
    String batch =
        Invoices.batchOf("2026-09/queue-hook", 2)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");
    HttpAnswer accepted = function.send(submit(batch));
    assertEquals(202, accepted.status(), accepted::text);
    for (StorageQueueStandIn.Put item : azure.puts()) {
      function.function().work(item.text(), 1, new Invocation("item"));
    }
    List<StorageQueueStandIn.Put> callbacks = azure.puts().subList(2, azure.puts().size());
    assertEquals(1, callbacks.size(), callbacks::toString);
    assertTrue(callbacks.getFirst().text().contains("\"kind\":\"callback\""), callbacks::toString);
    assertEquals(0, receiver.received().size(), "queued, not sent by the item's worker");

    // when
    for (int dequeueCount = 1; dequeueCount <= 2; dequeueCount++) {
      function
          .function()
          .work(callbacks.getFirst().text(), dequeueCount, new Invocation("hook-" + dequeueCount));
    }

    // then
    assertEquals(1, receiver.received().size());
    CallbackReceiver.Received sent = receiver.delivered().getFirst();
    assertTrue(new CallbackSignature(CALLBACK_SECRET).verifies(sent.signature(), sent.body()));
    HttpAnswer done =
        function.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals("delivered", done.json().path("callback").path("status").asText(), done::text);
    assertEquals(3, azure.puts().size(), "nothing handed back or dead-lettered");
  }

  private Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bridge.run-token", ConformanceTarget.RUN_TOKEN);
    settings.put("bridge.freee-dry-run", "true");
    settings.put("bridge.batches.queue", "azure-queue");
    settings.put("bridge.batches.queue-url", azure.queueUrl("batches"));
    settings.put("bridge.batches.dead-letter-queue-url", azure.queueUrl("batches-poison"));
    settings.put("identity.endpoint", azure.identityEndpoint());
    settings.put("identity.header", StorageQueueStandIn.IDENTITY_HEADER);
    settings.put("bridge.batches.callback-secret", CALLBACK_SECRET);
    // the receiver listens on loopback over plain HTTP; deployments never allow that
    settings.put("bridge.batches.callback-allow-loopback", "true");
    return settings;
  }

  private static HttpCall submit(String batch) {
    Map<String, String> headers = new LinkedHashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    return HttpCall.post("/v1/batches", headers, batch);
  }

  private static Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + ConformanceTarget.RUN_TOKEN);
  }
}
