package io.invoicebridge.adapters.gcp;

import io.invoicebridge.queued.BatchQueue;
import io.invoicebridge.queued.ParallelSends;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.invoicebridge.queued.QueuedBatchSettings;
import io.invoicebridge.queued.QueuedBatchStoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous batches on Cloud Tasks ({@code BATCH_QUEUE=cloud-tasks}): each message is an HTTP
 * task that POSTs it to the function's {@code /v1/batches/work} ({@code BATCH_WORKER_URL}) with an
 * OIDC token Google mints for the function's service account, audience the worker URL, which {@link
 * GoogleIdTokenVerifier} checks; no secret is ever in a task. The queue's dispatch rate and
 * concurrency (set by Terraform from the rate limits) pace the work. Tasks are created through the
 * REST API ({@link CloudTasksApi}; {@code BATCH_QUEUE_URL} is the queue's, e.g. {@code
 * https://cloudtasks.googleapis.com/v2/projects/P/locations/L/queues/Q}). A given-up item becomes a
 * task of the paused dead-letter queue ({@code BATCH_DEAD_LETTER_QUEUE_URL}) named {@code
 * BATCH-INDEX}, whose body holds the message and the reason, for operators to list and inspect; it
 * carries no token, so it opens nothing if that queue is ever resumed.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
public class CloudTasksBatchQueue implements BatchQueue {

  private static final Logger LOG = LoggerFactory.getLogger(CloudTasksBatchQueue.class);

  /** createTask calls in flight at once, so 500 items are queued within the submit's second. */
  private static final int PARALLEL_CREATES = 32;

  private final String queueUrl;
  private final String deadLetterQueueUrl;
  private final String workerUrl;
  private final CloudTasksApi cloudTasks;
  private final GoogleServiceAccount account;
  private final JsonMapper json;
  private final Clock clock;

  public CloudTasksBatchQueue(
      QueuedBatchSettings settings,
      CloudTasksApi cloudTasks,
      GoogleServiceAccount account,
      JsonMapper json,
      Clock clock) {
    this.queueUrl = settings.queueUrl();
    this.deadLetterQueueUrl = settings.deadLetterQueueUrl();
    this.workerUrl = settings.workerUrl();
    this.cloudTasks = cloudTasks;
    this.account = account;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void send(List<QueuedBatchMessage> messages) {
    ParallelSends.sendEach(
        messages,
        PARALLEL_CREATES,
        "cloud tasks send",
        message -> cloudTasks.createTask(queueUrl, work(message, Duration.ZERO)));
  }

  @Override
  public void sendLater(QueuedBatchMessage message, Duration delay) {
    cloudTasks.createTask(queueUrl, work(message, delay));
  }

  /**
   * Named after the item, so a second give-up of the same item (a delivery repeated) finds the name
   * taken (409) and leaves the one dead letter there is.
   */
  @Override
  public void deadLetter(QueuedBatchMessage message, String reason) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("name", resourceName(deadLetterQueueUrl) + "/tasks/" + message.subjectId());
    task.put("httpRequest", request(Map.of("message", message, "reason", reason)));
    if (cloudTasks.createTask(deadLetterQueueUrl, task)) {
      LOG.info("batch {} {} kept in the dead-letter queue", message.batchId(), message.subject());
    }
  }

  /** A task of the work queue: the message, delivered with the service account's OIDC token. */
  private Map<String, Object> work(QueuedBatchMessage message, Duration delay) {
    Map<String, Object> httpRequest = request(message);
    httpRequest.put("oidcToken", Map.of("serviceAccountEmail", email(), "audience", workerUrl));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("httpRequest", httpRequest);
    if (!delay.isZero()) {
      task.put("scheduleTime", clock.instant().plus(delay).toString());
    }
    return task;
  }

  private Map<String, Object> request(Object body) {
    Map<String, Object> httpRequest = new LinkedHashMap<>();
    httpRequest.put("url", workerUrl);
    httpRequest.put("httpMethod", "POST");
    httpRequest.put("headers", Map.of("Content-Type", "application/json"));
    httpRequest.put("body", Base64.getEncoder().encodeToString(bytes(body)));
    return httpRequest;
  }

  /** A queue's resource name, {@code projects/P/locations/L/queues/Q}, from its REST URL. */
  private static String resourceName(String queueUrl) {
    int at = queueUrl.indexOf("/projects/");
    if (at < 0) {
      throw new QueuedBatchStoreUnavailableException(
          "cloud tasks dead letter", "BATCH_DEAD_LETTER_QUEUE_URL is not a queue's REST URL", null);
    }
    return queueUrl.substring(at + 1);
  }

  private String email() {
    try {
      return account.email();
    } catch (IOException e) {
      throw new QueuedBatchStoreUnavailableException("service account email", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueuedBatchStoreUnavailableException("service account email", "interrupted", e);
    }
  }

  private byte[] bytes(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("a batch message is always serializable", e);
    }
  }
}
