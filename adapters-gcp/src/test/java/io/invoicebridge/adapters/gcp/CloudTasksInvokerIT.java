package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.Task;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.StackEnvironment;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on Cloud Tasks as deployed: the deploy jar under Google's invoker,
 * configured by environment variables, queues a batch's items as HTTP tasks (through a stand-in of
 * Cloud Tasks' REST API, the metadata server and Google's signing keys), and each task is then
 * delivered to the function as Cloud Tasks delivers it: a POST with the OIDC token Google signs for
 * the task's service account and audience, and Cloud Tasks' headers. The run token is never in a
 * task and never opens the worker's path.
 */
class CloudTasksInvokerIT {

  private static final String WORKER_URL =
      "https://asia-northeast1-demo-project.cloudfunctions.net/invoice-bridge/v1/batches/work";
  private static final String DEAD_LETTERS = "batches-dead-letter";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeFreee freee = FakeFreee.start();
  private final CloudTasksStandIn google = CloudTasksStandIn.start();
  private JdkHttpTarget function;

  @BeforeEach
  void start() {
    RedisServerExtension.start();
    function =
        InvokerTarget.startWithEnvironment(environment(), InvokerTarget.logFile("cloud-tasks"));
  }

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
    HttpAnswer accepted = submitted(Invoices.batchOf("2026-09/tasks", 3));
    List<CloudTasksStandIn.Created> tasks = createdTasks(3);
    assertEquals(List.of(), google.refused());

    // when: Cloud Tasks delivers every task, and then every task again
    for (int round = 0; round < 2; round++) {
      for (CloudTasksStandIn.Created task : tasks) {
        HttpAnswer delivered = function.send(delivery(task.task(), round, oidc(task.task())));
        assertEquals(204, delivered.status(), delivered::text);
      }
    }

    // then
    JsonNode done = batch(accepted);
    assertEquals("complete", done.path("status").asText(), done::toString);
    assertEquals(3, done.path("summary").path("dry_run").asInt(), done::toString);
    assertEquals(List.of(), google.created(DEAD_LETTERS));
  }

  @Test
  void tasks_carryAnOidcTokenForTheWorkerAndNoSecret() {
    // when
    submitted(Invoices.batchOf("2026-09/oidc", 2));

    // then
    List<CloudTasksStandIn.Created> tasks = createdTasks(2);
    for (CloudTasksStandIn.Created created : tasks) {
      OidcToken oidc = created.task().getHttpRequest().getOidcToken();
      assertEquals(CloudTasksStandIn.SERVICE_ACCOUNT, oidc.getServiceAccountEmail());
      assertEquals(WORKER_URL, oidc.getAudience());
      assertNoSecretIn(created.task());
    }
  }

  @Test
  void deliveries_withTheRunTokenOrAnotherAudienceOrNoToken_areRefused() {
    // given
    HttpAnswer accepted = submitted(Invoices.batchOf("2026-09/forged", 1));
    Task task = google.created("batches").getFirst().task();
    String elsewhere =
        google
            .signer()
            .token(
                "https://elsewhere.example.com", CloudTasksStandIn.SERVICE_ACCOUNT, Instant.now());

    // when
    HttpAnswer runToken = function.send(delivery(task, 0, ConformanceTarget.RUN_TOKEN));
    HttpAnswer otherAudience = function.send(delivery(task, 0, elsewhere));
    HttpAnswer none = function.send(delivery(task, 0, null));

    // then
    for (HttpAnswer refused : List.of(runToken, otherAudience, none)) {
      assertEquals(401, refused.status(), refused::text);
      assertTrue(refused.header("Content-Type").orElse("").contains("problem+json"));
      assertFalse(refused.text().contains(ConformanceTarget.RUN_TOKEN), refused::text);
      assertFalse(refused.text().contains(elsewhere), refused::text);
    }
    assertEquals("queued", batch(accepted).path("status").asText());
  }

  @Test
  void itemGivenUp_landsInTheDeadLetterQueueWithItsReason() {
    // given: a task Cloud Tasks already delivered BATCH_MAX_ATTEMPTS (5) times without an answer
    HttpAnswer accepted = submitted(Invoices.batchOf("2026-09/given-up", 1));
    Task task = google.created("batches").getFirst().task();

    // when: delivered once more, and then again (at least once)
    HttpAnswer gaveUp = function.send(delivery(task, 5, oidc(task)));
    HttpAnswer again = function.send(delivery(task, 6, oidc(task)));

    // then: the batch shows the item failed, and one dead letter holds the message and the reason
    assertEquals(204, gaveUp.status(), gaveUp::text);
    assertEquals(204, again.status(), again::text);
    JsonNode shown = batch(accepted);
    JsonNode result = shown.path("results").get(0);
    assertEquals("failed", result.path("status").asText(), shown::toString);
    List<CloudTasksStandIn.Created> deadLetters = google.created(DEAD_LETTERS);
    assertEquals(1, deadLetters.size(), deadLetters::toString);
    Task deadLetter = deadLetters.getFirst().task();
    JsonNode held = body(deadLetter);
    String batchId = shown.path("id").asText();
    assertEquals(batchId, held.path("message").path("batch_id").asText(), held::toString);
    assertEquals(0, held.path("message").path("index").asInt(), held::toString);
    assertEquals(result.path("detail").asText(), held.path("reason").asText(), held::toString);
    assertTrue(deadLetter.getName().endsWith("/tasks/" + batchId + "-0"), deadLetter::toString);
    assertFalse(deadLetter.getHttpRequest().hasOidcToken(), held::toString);
    assertNoSecretIn(deadLetter);
  }

  private Map<String, String> environment() {
    Map<String, String> env =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    env.put("FREEE_DRY_RUN", "true");
    env.put("BATCH_QUEUE", "cloud-tasks");
    env.put("BATCH_QUEUE_URL", google.queueUrl("batches"));
    env.put("BATCH_DEAD_LETTER_QUEUE_URL", google.queueUrl(DEAD_LETTERS));
    env.put("BATCH_WORKER_URL", WORKER_URL);
    env.put("GCE_METADATA_HOST", google.metadataHost());
    env.put("GOOGLE_ID_TOKEN_CERTS_URL", google.certsUrl());
    env.put("GOOGLE_CLOUD_PROJECT", "demo-project");
    env.put("K_SERVICE", "invoice-bridge");
    return env;
  }

  private String oidc(Task task) {
    return google.oidcTokenFor(task, Instant.now());
  }

  /**
   * The request Cloud Tasks makes for an HTTP task: its URL, headers and body, its own headers, and
   * {@code Authorization: Bearer <bearer>} (the OIDC token it mints, or what a test forges).
   */
  private static HttpCall delivery(Task task, int retries, String bearer) {
    com.google.cloud.tasks.v2.HttpRequest request = task.getHttpRequest();
    assertEquals(HttpMethod.POST, request.getHttpMethod(), task::toString);
    assertEquals(WORKER_URL, request.getUrl(), task::toString);
    Map<String, String> headers = new LinkedHashMap<>(request.getHeadersMap());
    if (bearer != null) {
      headers.put("Authorization", "Bearer " + bearer);
    }
    headers.put("X-CloudTasks-QueueName", "batches");
    headers.put("X-CloudTasks-TaskName", "task-" + retries);
    headers.put("X-CloudTasks-TaskRetryCount", Integer.toString(retries));
    headers.put("X-CloudTasks-TaskExecutionCount", Integer.toString(retries));
    String path = URI.create(request.getUrl()).getPath().replace("/invoice-bridge", "");
    return new HttpCall("POST", path, headers, request.getBody().toByteArray());
  }

  private static void assertNoSecretIn(Task task) {
    String text = task.toString() + task.getHttpRequest().getBody().toStringUtf8();
    assertFalse(text.contains(ConformanceTarget.RUN_TOKEN), "the run token is in a task");
    assertFalse(
        task.getHttpRequest().getHeadersMap().containsKey("Authorization"),
        "a task carries an Authorization header: " + task);
  }

  private static JsonNode body(Task task) {
    try {
      return JSON.readTree(task.getHttpRequest().getBody().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Submits {@code batch}, which the function must accept (202). */
  private HttpAnswer submitted(String batch) {
    HttpAnswer accepted = function.send(submit(batch));
    assertEquals(202, accepted.status(), accepted::text);
    return accepted;
  }

  /** The tasks of the batches queue, which must be {@code expected} many. */
  private List<CloudTasksStandIn.Created> createdTasks(int expected) {
    List<CloudTasksStandIn.Created> tasks = google.created("batches");
    assertEquals(expected, tasks.size(), tasks::toString);
    return tasks;
  }

  private JsonNode batch(HttpAnswer accepted) {
    HttpAnswer shown =
        function.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals(200, shown.status(), shown::text);
    return shown.json();
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
