package io.invoicebridge.adapters.gcp;

import io.invoicebridge.batch.BatchMessage;
import io.invoicebridge.batch.BatchQueue;
import io.invoicebridge.batch.BatchStoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous batches on Cloud Tasks ({@code BATCH_QUEUE=cloud-tasks}): each message is an HTTP
 * task that POSTs it to the function's {@code /v1/batches/work} with the run token; the queue's
 * dispatch rate and concurrency (set by Terraform from the rate limits) pace the work. Tasks are
 * created through the REST API ({@code BATCH_QUEUE_URL} is the queue's, e.g. {@code
 * https://cloudtasks.googleapis.com/v2/projects/P/locations/L/queues/Q}) with the function's own
 * access token. Cloud Tasks has no dead-letter queue: a given-up item is recorded {@code failed} on
 * its batch (with the reason) and logged at ERROR, which the operations alerts watch.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
public class CloudTasksBatchQueue implements BatchQueue {

  private static final Logger LOG = LoggerFactory.getLogger(CloudTasksBatchQueue.class);

  /** createTask calls in flight at once, so 500 items are queued within the submit's second. */
  private static final int PARALLEL_CREATES = 32;

  private final String queueUrl;
  private final String workerUrl;
  private final String runToken;
  private final GoogleAccessTokens tokens;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public CloudTasksBatchQueue(
      @Value("${bridge.batches.queue-url}") String queueUrl,
      @Value("${bridge.batches.worker-url}") String workerUrl,
      @Value("${bridge.run-token}") String runToken,
      GoogleAccessTokens tokens,
      JsonMapper json,
      Clock clock) {
    this.queueUrl = queueUrl;
    this.workerUrl = workerUrl;
    this.runToken = runToken;
    this.tokens = tokens;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void send(List<BatchMessage> messages) {
    Semaphore slots = new Semaphore(PARALLEL_CREATES);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> created = new ArrayList<>();
      for (BatchMessage message : messages) {
        created.add(
            executor.submit(
                () -> {
                  slots.acquireUninterruptibly();
                  try {
                    create(queueUrl, message, Duration.ZERO);
                  } finally {
                    slots.release();
                  }
                }));
      }
      for (Future<?> each : created) {
        each.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BatchStoreUnavailableException unavailable
          ? unavailable
          : new BatchStoreUnavailableException("cloud tasks send", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatchStoreUnavailableException("cloud tasks send", "interrupted", e);
    }
  }

  @Override
  public void sendLater(BatchMessage message, Duration delay) {
    create(queueUrl, message, delay);
  }

  @Override
  public void deadLetter(BatchMessage message, String reason) {
    LOG.error("batch {} item {} dead-lettered: {}", message.batchId(), message.index(), reason);
  }

  private void create(String queue, BatchMessage message, Duration delay) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(queue + "/tasks"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + tokens.token())
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      json.writeValueAsBytes(task(message, delay))))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new BatchStoreUnavailableException(
            "cloud tasks create", "HTTP " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new BatchStoreUnavailableException("cloud tasks create", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatchStoreUnavailableException("cloud tasks create", "interrupted", e);
    }
  }

  private Map<String, Object> task(BatchMessage message, Duration delay) throws IOException {
    Map<String, Object> httpRequest = new LinkedHashMap<>();
    httpRequest.put("url", workerUrl);
    httpRequest.put("httpMethod", "POST");
    httpRequest.put(
        "headers",
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + runToken));
    httpRequest.put("body", Base64.getEncoder().encodeToString(json.writeValueAsBytes(message)));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("httpRequest", httpRequest);
    if (!delay.isZero()) {
      task.put("scheduleTime", clock.instant().plus(delay).toString());
    }
    return Map.of("task", task);
  }
}
