package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.util.Timestamps;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.queued.BatchQueue;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every kind of request the app makes to Cloud Tasks, made by the real {@link CloudTasksBatchQueue}
 * and parsed by the stand-in strictly into Google's v2 {@code CreateTaskRequest}: a work task per
 * message with its OIDC token block, a handed-back one with its schedule time, and a dead letter
 * named after its item. The stand-in refusing what Google's messages do not hold is checked too, so
 * its acceptance means something. One stand-in and one application context for the class; each test
 * uses batches of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudTasksWireFormatTest {

  private static final String WORKER_URL =
      "https://asia-northeast1-demo-project.cloudfunctions.net/invoice-bridge/v1/batches/work";

  private final CloudTasksStandIn google = CloudTasksStandIn.start();
  private final ApplicationContext context =
      ApplicationContext.builder(Environment.FUNCTION, Environment.GOOGLE_COMPUTE)
          .properties(
              Map.of(
                  "bridge.run-token",
                  ConformanceTarget.RUN_TOKEN,
                  "bridge.freee-dry-run",
                  "true",
                  "bridge.batches.queue",
                  "cloud-tasks",
                  "bridge.batches.queue-url",
                  google.queueUrl("batches"),
                  "bridge.batches.dead-letter-queue-url",
                  google.queueUrl("batches-dead-letter"),
                  "bridge.batches.worker-url",
                  WORKER_URL,
                  "gce.metadata.host",
                  google.metadataHost()))
          .start();
  private final BatchQueue queue = context.getBean(BatchQueue.class);

  @AfterAll
  void stop() {
    context.close();
    google.close();
  }

  @Test
  void send_twoMessages_eachIsACreateTaskRequestWithTheFunctionsOidcToken() {
    // when
    queue.send(List.of(new QueuedBatchMessage("b1", 0, 0), QueuedBatchMessage.callbackOf("b1")));

    // then
    assertEquals(List.of(), google.refused());
    List<CloudTasksStandIn.Created> tasks = tasksOf("b1");
    assertEquals(2, tasks.size(), tasks::toString);
    for (CloudTasksStandIn.Created created : tasks) {
      Task task = created.task();
      assertEquals(WORKER_URL, task.getHttpRequest().getOidcToken().getAudience());
      assertEquals(
          CloudTasksStandIn.SERVICE_ACCOUNT,
          task.getHttpRequest().getOidcToken().getServiceAccountEmail());
      assertEquals("application/json", task.getHttpRequest().getHeadersMap().get("Content-Type"));
    }
  }

  @Test
  void sendLater_aMinute_isACreateTaskRequestScheduledAMinuteAhead() {
    // given
    Instant before = Instant.now();

    // when
    queue.sendLater(new QueuedBatchMessage("b2", 3, 1), Duration.ofMinutes(1));

    // then
    assertEquals(List.of(), google.refused());
    Task task = tasksOf("b2").getFirst().task();
    long scheduledMillis = Timestamps.toMillis(task.getScheduleTime());
    assertTrue(scheduledMillis >= before.plusSeconds(60).toEpochMilli(), task::toString);
    assertTrue(scheduledMillis < Instant.now().plusSeconds(61).toEpochMilli(), task::toString);
  }

  @Test
  void deadLetter_twice_isOneNamedTaskWithoutAToken() {
    // when
    queue.deadLetter(new QueuedBatchMessage("b3", 2, 5), "given up");
    queue.deadLetter(new QueuedBatchMessage("b3", 2, 5), "given up");

    // then
    List<CloudTasksStandIn.Created> deadLetters = google.created("batches-dead-letter");
    assertEquals(1, deadLetters.size(), deadLetters::toString);
    Task deadLetter = deadLetters.getFirst().task();
    assertTrue(deadLetter.getName().endsWith("/queues/batches-dead-letter/tasks/b3-2"));
    assertFalse(deadLetter.getHttpRequest().hasOidcToken(), deadLetter::toString);
    assertEquals(List.of(), google.refused());
  }

  @Test
  void createTask_withAFieldGooglesMessageLacks_isRefused() throws Exception {
    // given: a task as the app would send it, with one field CreateTaskRequest does not have
    String body =
        "{\"task\":{\"httpRequest\":{\"url\":\""
            + WORKER_URL
            + "\",\"httpMethod\":\"POST\",\"oidcToken\":{\"serviceAccountEmail\":\""
            + CloudTasksStandIn.SERVICE_ACCOUNT
            + "\",\"audience\":\""
            + WORKER_URL
            + "\"}},\"dispatchDelay\":\"10s\"}}";

    // when
    HttpResponse<String> answer;
    try (CloudTasksStandIn strict = CloudTasksStandIn.start()) {
      answer = post(strict.queueUrl("batches") + "/tasks", body);

      // then
      assertEquals(List.of(), strict.created());
    }
    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("INVALID_ARGUMENT"), answer.body());
  }

  /** The work tasks whose message belongs to {@code batchId}. */
  private List<CloudTasksStandIn.Created> tasksOf(String batchId) {
    return google.created("batches").stream()
        .filter(
            t ->
                t.task()
                    .getHttpRequest()
                    .getBody()
                    .toStringUtf8()
                    .contains("\"batch_id\":\"" + batchId + "\""))
        .toList();
  }

  private static HttpResponse<String> post(String url, String body)
      throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", "Bearer " + CloudTasksStandIn.ACCESS_TOKEN)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
