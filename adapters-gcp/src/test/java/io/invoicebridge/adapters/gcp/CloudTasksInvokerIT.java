package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.StackEnvironment;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on Cloud Tasks as deployed: the deploy jar under Google's invoker,
 * configured by environment variables, queues a batch's items as HTTP tasks (through a stand-in of
 * Cloud Tasks' REST API and the metadata server), and each task is then delivered to the function
 * as Cloud Tasks delivers it: an authenticated POST with Cloud Tasks' headers, twice (at least
 * once).
 */
class CloudTasksInvokerIT {

  private static final String WORKER_URL =
      "https://asia-northeast1-demo-project.cloudfunctions.net/invoice-bridge/v1/batches/work";

  private final FakeFreee freee = FakeFreee.start();
  private final CloudTasksStandIn google = CloudTasksStandIn.start();
  private JdkHttpTarget function;

  @AfterEach
  void stop() {
    if (function != null) {
      function.close();
    }
    google.close();
    freee.close();
  }

  @Test
  void tasksDeliveredTwice_completeTheBatchOnce() {
    // given
    RedisServerExtension.start();
    function =
        InvokerTarget.startWithEnvironment(environment(), InvokerTarget.logFile("cloud-tasks"));
    HttpAnswer accepted = function.send(submit(Invoices.batchOf("2026-09/tasks", 3)));
    assertEquals(202, accepted.status(), accepted::text);
    List<CloudTasksStandIn.Created> tasks = google.created();
    assertEquals(3, tasks.size(), tasks::toString);
    assertEquals(List.of(), google.refused());

    HttpCall forged = delivery(tasks.getFirst().task(), 0);
    Map<String, String> unauthenticated = new LinkedHashMap<>(forged.headers());
    unauthenticated.remove("Authorization");
    HttpAnswer refused =
        function.send(new HttpCall("POST", forged.target(), unauthenticated, forged.body()));
    assertEquals(401, refused.status(), refused::text);

    // when: Cloud Tasks delivers every task, and then every task again
    for (int round = 0; round < 2; round++) {
      for (CloudTasksStandIn.Created task : tasks) {
        HttpAnswer delivered = function.send(delivery(task.task(), round));
        assertEquals(204, delivered.status(), delivered::text);
      }
    }

    // then
    HttpAnswer done =
        function.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals("complete", done.json().path("status").asText(), done::text);
    assertEquals(3, done.json().path("summary").path("dry_run").asInt(), done::text);
    assertTrue(
        tasks.stream().allMatch(t -> t.queuePath().endsWith("/queues/batches")), tasks::toString);
  }

  private Map<String, String> environment() {
    Map<String, String> env =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    env.put("FREEE_DRY_RUN", "true");
    env.put("BATCH_QUEUE", "cloud-tasks");
    env.put("BATCH_QUEUE_URL", google.queueUrl("batches"));
    env.put("BATCH_WORKER_URL", WORKER_URL);
    env.put("GCE_METADATA_HOST", google.metadataHost());
    env.put("GOOGLE_CLOUD_PROJECT", "demo-project");
    env.put("K_SERVICE", "invoice-bridge");
    return env;
  }

  /** The request Cloud Tasks makes for an HTTP task: its URL, headers and body, plus its own. */
  private static HttpCall delivery(JsonNode task, int retries) {
    JsonNode request = task.path("httpRequest");
    assertEquals("POST", request.path("httpMethod").asText(), task::toString);
    assertEquals(WORKER_URL, request.path("url").asText(), task::toString);
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .path("headers")
        .fields()
        .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    headers.put("X-CloudTasks-QueueName", "batches");
    headers.put("X-CloudTasks-TaskName", "task-" + retries);
    headers.put("X-CloudTasks-TaskRetryCount", Integer.toString(retries));
    headers.put("X-CloudTasks-TaskExecutionCount", Integer.toString(retries));
    byte[] body = Base64.getDecoder().decode(request.path("body").asText());
    String path = URI.create(request.path("url").asText()).getPath().replace("/invoice-bridge", "");
    return new HttpCall("POST", path, headers, body);
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
