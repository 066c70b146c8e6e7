package io.invoicebridge.adapters.aws;

import io.invoicebridge.queued.BatchQueue;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.invoicebridge.queued.QueuedBatchSettings;
import io.invoicebridge.queued.QueuedBatchStoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Asynchronous batches on SQS ({@code BATCH_QUEUE=sqs}): the API queues items here, and the worker
 * hands held-back items back as new delayed messages (so waits spend none of the queue's receive
 * count) and moves given-up items to the dead-letter queue. Region, credentials and endpoint come
 * from Lambda's environment.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "sqs")
public class SqsBatchQueue implements BatchQueue {

  /** SQS's longest message delay; a longer wait is handed back again when it ends. */
  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private static final int MAX_BATCH_ENTRIES = 10;

  private final SqsClient sqs =
      SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  private final String queueUrl;
  private final String deadLetterQueueUrl;
  private final JsonMapper json;

  public SqsBatchQueue(QueuedBatchSettings settings, JsonMapper json) {
    this.queueUrl = settings.queueUrl();
    this.deadLetterQueueUrl = settings.deadLetterQueueUrl();
    this.json = json;
  }

  @Override
  public void send(List<QueuedBatchMessage> messages) {
    for (int first = 0; first < messages.size(); first += MAX_BATCH_ENTRIES) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = first; i < Math.min(first + MAX_BATCH_ENTRIES, messages.size()); i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .messageBody(body(messages.get(i)))
                .build());
      }
      SendMessageBatchResponse sent =
          call("send", () -> sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)));
      if (!sent.failed().isEmpty()) {
        throw new QueuedBatchStoreUnavailableException(
            "sqs send", sent.failed().size() + " message(s) refused", null);
      }
    }
  }

  /** Delivered after {@code delay}, at most {@link #MAX_DELAY}. */
  @Override
  public void sendLater(QueuedBatchMessage message, Duration delay) {
    int seconds = (int) Math.min(MAX_DELAY.toSeconds(), Math.max(0, delay.toSeconds() + 1));
    call(
        "hand back",
        () ->
            sqs.sendMessage(
                b -> b.queueUrl(queueUrl).messageBody(body(message)).delaySeconds(seconds)));
  }

  /** The reason goes along as a message attribute. */
  @Override
  public void deadLetter(QueuedBatchMessage message, String reason) {
    MessageAttributeValue why =
        MessageAttributeValue.builder().dataType("String").stringValue(reason).build();
    call(
        "dead letter",
        () ->
            sqs.sendMessage(
                b ->
                    b.queueUrl(deadLetterQueueUrl)
                        .messageBody(body(message))
                        .messageAttributes(Map.of("reason", why))));
  }

  @PreDestroy
  public void close() {
    sqs.close();
  }

  private String body(QueuedBatchMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a queue message", e);
    }
  }

  private static <T> T call(String step, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (SdkException e) {
      throw new QueuedBatchStoreUnavailableException(
          "sqs " + step, e.getClass().getSimpleName(), e);
    }
  }
}
