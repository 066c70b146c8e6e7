package io.invoicebridge.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.StackEnvironment;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on a Storage queue as deployed: the staged function app under {@link
 * FunctionsHostStandIn}, configured only by the app settings the stack sets, puts a batch's items
 * on the queue (a stand-in of the queue service and the identity endpoint), and each message is
 * then handed to the queue-triggered {@code batch-worker} as the host does, twice.
 */
class QueueWorkerAsDeployedIT {

  private final FakeFreee freee = FakeFreee.start();
  private final StorageQueueStandIn azure = StorageQueueStandIn.start();
  private JdkHttpTarget app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    azure.close();
    freee.close();
  }

  @Test
  void everyMessageDeliveredTwice_completesTheBatch() {
    // given
    RedisServerExtension.start();
    app =
        FunctionHostAsDeployedIT.startStandIn(
            environment(), Path.of("target", "as-deployed", "azure-queue-worker.log"));
    HttpAnswer accepted = app.send(submit(Invoices.batchOf("2026-09/azure-queue", 3)));
    assertEquals(202, accepted.status(), accepted::text);
    List<StorageQueueStandIn.Put> queued = azure.puts();
    assertEquals(3, queued.size(), queued::toString);
    assertEquals(List.of(), azure.refused());

    // when
    for (int dequeueCount = 1; dequeueCount <= 2; dequeueCount++) {
      for (StorageQueueStandIn.Put put : queued) {
        HttpAnswer handled = app.send(delivery(put.text(), dequeueCount));
        assertEquals(200, handled.status(), "the worker threw: see the log");
      }
    }

    // then
    HttpAnswer done =
        app.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals("complete", done.json().path("status").asText(), done::text);
    assertEquals(3, done.json().path("summary").path("dry_run").asInt(), done::text);
    assertTrue(queued.stream().allMatch(p -> p.queuePath().endsWith("/invoice-bridge-batches")));
  }

  /** The app settings terraform/modules/azure-function gives the app (queue and identity). */
  private Map<String, String> environment() {
    Map<String, String> env =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    env.put("FREEE_DRY_RUN", "true");
    env.put("FUNCTIONS_WORKER_RUNTIME", "java");
    env.put("BATCH_QUEUE", "azure-queue");
    env.put("BATCH_QUEUE_NAME", "invoice-bridge-batches");
    env.put("BATCH_QUEUE_URL", azure.queueUrl("invoice-bridge-batches"));
    env.put("BATCH_DEAD_LETTER_QUEUE_URL", azure.queueUrl("invoice-bridge-batches-poison"));
    env.put("BatchQueueStorage__queueServiceUri", azure.base() + "/invoicebridgefn/");
    // what the Functions host sets for an app with a managed identity
    env.put("IDENTITY_ENDPOINT", azure.identityEndpoint());
    env.put("IDENTITY_HEADER", StorageQueueStandIn.IDENTITY_HEADER);
    return env;
  }

  private static HttpCall delivery(String message, int dequeueCount) {
    return new HttpCall(
        "POST",
        FunctionsHostStandIn.QUEUE_PATH,
        Map.of(FunctionsHostStandIn.DEQUEUE_COUNT_HEADER, Integer.toString(dequeueCount)),
        message.getBytes(StandardCharsets.UTF_8));
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
