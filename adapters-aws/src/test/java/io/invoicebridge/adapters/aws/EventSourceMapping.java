package io.invoicebridge.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.deployed.QueueFeed;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does for one instance of the worker function, against a
 * real queue: receives up to the batch size, invokes the function with the SQS event built from the
 * messages as received (their attributes, receive count included), deletes the messages the
 * function did not report in {@code batchItemFailures} ({@code ReportBatchItemFailures}) and leaves
 * those, or all of them when the invocation itself failed, to come back after the queue's
 * visibility timeout. It stops when its sandbox is gone, as the mapping then moves on to another.
 */
final class EventSourceMapping extends QueueFeed {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final ElasticMq.Queues queue;
  private final int batchSize;
  private final LambdaRuntimeTarget function;

  private EventSourceMapping(
      SqsClient sqs, ElasticMq.Queues queue, int batchSize, LambdaRuntimeTarget function) {
    super("event-source-mapping", Duration.ofMillis(50));
    this.sqs = sqs;
    this.queue = queue;
    this.batchSize = batchSize;
    this.function = function;
  }

  static EventSourceMapping start(
      SqsClient sqs, ElasticMq.Queues queue, int batchSize, LambdaRuntimeTarget function) {
    EventSourceMapping mapping = new EventSourceMapping(sqs, queue, batchSize, function);
    mapping.start();
    return mapping;
  }

  @Override
  protected boolean feeding() {
    return super.feeding() && function.alive();
  }

  @Override
  protected int handOver(int limit) {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(queue.url())
                        .maxNumberOfMessages(Math.min(limit, batchSize))
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
            .messages();
    if (!messages.isEmpty()) {
      deliver(messages);
    }
    return messages.size();
  }

  private void deliver(List<Message> messages) {
    Set<String> failed = invoke(messages);
    for (Message message : messages) {
      record(
          new Delivery(
              message.messageId(),
              message.body(),
              Integer.parseInt(
                  message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)),
              failed.contains(message.messageId())));
    }
    List<DeleteMessageBatchRequestEntry> done =
        messages.stream()
            .filter(m -> !failed.contains(m.messageId()))
            .map(
                m ->
                    DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
            .toList();
    if (!done.isEmpty()) {
      sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(done));
    }
  }

  /** The ids of the messages that failed: those reported, or all when the invocation failed. */
  private Set<String> invoke(List<Message> messages) {
    try {
      return failures(function.invoke(event(messages)));
    } catch (RuntimeException invocationFailed) {
      return new HashSet<>(messages.stream().map(Message::messageId).toList());
    }
  }

  /** The ids the function reported in its batch response. */
  private static Set<String> failures(String response) {
    try {
      JsonNode answer = JSON.readTree(response);
      if (!answer.path("batchItemFailures").isArray()) {
        throw new IllegalStateException("not an SQS batch response: " + response);
      }
      Set<String> ids = new HashSet<>();
      answer.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
      return ids;
    } catch (IOException e) {
      throw new IllegalStateException("the function's answer is not JSON: " + response, e);
    }
  }

  /** The SQS event the mapping invokes the function with (the shape of AWS's sample event). */
  private String event(List<Message> messages) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : messages) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      ObjectNode attributes = record.putObject("attributes");
      message.attributesAsStrings().forEach(attributes::put);
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, of(value)));
      record.put("md5OfBody", message.md5OfBody());
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queue.arn());
      record.put("awsRegion", ElasticMq.REGION);
    }
    return event.toString();
  }

  private static ObjectNode of(MessageAttributeValue value) {
    ObjectNode attribute = JSON.createObjectNode();
    attribute.put("stringValue", value.stringValue());
    attribute.putArray("stringListValues");
    attribute.putArray("binaryListValues");
    attribute.put("dataType", value.dataType());
    return attribute;
  }
}
