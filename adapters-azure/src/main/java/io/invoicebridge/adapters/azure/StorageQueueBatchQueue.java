package io.invoicebridge.adapters.azure;

import io.invoicebridge.queued.BatchQueue;
import io.invoicebridge.queued.ParallelSends;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.invoicebridge.queued.QueuedBatchSettings;
import io.invoicebridge.queued.QueuedBatchStoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Asynchronous batches on an Azure Storage queue ({@code BATCH_QUEUE=azure-queue}): messages are
 * put through the queue service's REST API with the app's own identity ({@code BATCH_QUEUE_URL},
 * e.g. {@code https://ACCOUNT.queue.core.windows.net/QUEUE}), base64-encoded as the queue trigger
 * reads them. A wait becomes the message's visibility timeout (at most 7 days); a given-up message
 * goes to the poison queue ({@code BATCH_DEAD_LETTER_QUEUE_URL}), where the host also moves
 * messages that failed too often.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "azure-queue")
public class StorageQueueBatchQueue implements BatchQueue {

  private static final int PARALLEL_PUTS = 32;
  private static final Duration MAX_DELAY = Duration.ofDays(7);
  private static final String API_VERSION = "2021-12-02";

  private final String queueUrl;
  private final String poisonQueueUrl;
  private final ManagedIdentityTokens tokens;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public StorageQueueBatchQueue(
      QueuedBatchSettings settings, ManagedIdentityTokens tokens, JsonMapper json) {
    this.queueUrl = settings.queueUrl();
    this.poisonQueueUrl = settings.deadLetterQueueUrl();
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  public void send(List<QueuedBatchMessage> messages) {
    ParallelSends.sendEach(
        messages,
        PARALLEL_PUTS,
        "storage queue send",
        message -> put(queueUrl, message, Duration.ZERO));
  }

  @Override
  public void sendLater(QueuedBatchMessage message, Duration delay) {
    put(queueUrl, message, delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
  }

  @Override
  public void deadLetter(QueuedBatchMessage message, String reason) {
    put(poisonQueueUrl, message, Duration.ZERO);
  }

  private void put(String queue, QueuedBatchMessage message, Duration delay) {
    try {
      String text = Base64.getEncoder().encodeToString(json.writeValueAsBytes(message));
      String body = "<QueueMessage><MessageText>" + text + "</MessageText></QueueMessage>";
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      queue
                          + "/messages?messagettl=604800&visibilitytimeout="
                          + Math.max(0, delay.toSeconds())))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + tokens.token())
              .header("x-ms-version", API_VERSION)
              .header(
                  "x-ms-date",
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
              .header("Content-Type", "application/xml")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new QueuedBatchStoreUnavailableException(
            "storage queue put", "HTTP " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new QueuedBatchStoreUnavailableException("storage queue put", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueuedBatchStoreUnavailableException("storage queue put", "interrupted", e);
    }
  }
}
