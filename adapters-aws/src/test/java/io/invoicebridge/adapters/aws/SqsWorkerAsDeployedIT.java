package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.batch.CallbackSignature;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.deployed.StackEnvironment;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on SQS as deployed: the HTTP function queues a batch's items on SQS (a
 * stand-in of its JSON protocol), and the same shaded jar under AWS's runtime interface client,
 * configured with the worker's handler, works an SQS event carrying every message twice (SQS
 * delivers at least once), then a batch's callback message the same way. Both share a real Redis;
 * dry run, so no freee is needed.
 */
class SqsWorkerAsDeployedIT {

  private static final String WORKER = SqsBatchHandler.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeFreee freee = FakeFreee.start();
  private final SqsStandIn sqs = SqsStandIn.start();
  private final CallbackReceiver receiver = CallbackReceiver.start();
  private LambdaRuntimeTarget api;
  private LambdaRuntimeTarget worker;

  @AfterEach
  void stop() {
    for (AutoCloseable open : new AutoCloseable[] {api, worker, sqs, receiver, freee}) {
      try {
        if (open != null) {
          open.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void sqsEventWithEveryMessageTwice_completesTheBatchWithoutFailures() throws Exception {
    // given: both functions configured by the variables the Terraform stack sets
    RedisServerExtension.start();
    Map<String, String> env = environment();
    api = LambdaRuntimeTarget.start(env, log("sqs-api"));
    worker = LambdaRuntimeTarget.start(env, log("sqs-worker"), WORKER);
    HttpAnswer accepted = api.send(submit(Invoices.batchOf("2026-09/sqs", 3)));
    assertEquals(202, accepted.status(), accepted::text);
    List<SqsStandIn.Sent> queued = sqs.sent();
    assertEquals(3, queued.size(), queued::toString);
    assertTrue(queued.stream().allMatch(m -> m.queueUrl().endsWith("/batches")), queued::toString);

    // when
    JsonNode response = JSON.readTree(worker.invoke(sqsEvent(queued, queued)));

    // then
    assertEquals(0, response.path("batchItemFailures").size(), response::toString);
    HttpAnswer done =
        api.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals("complete", done.json().path("status").asText(), done::text);
    assertEquals(3, done.json().path("summary").path("dry_run").asInt(), done::text);
  }

  @Test
  void batchWithCallback_callbackMessageTwiceInAnEvent_isQueuedOnSqsAndDeliveredOnce()
      throws Exception {
    // given: a batch with a callback, its items worked by the worker function
    RedisServerExtension.start();
    Map<String, String> env = environment();
    // test-only, like the in-process tests' property: lets the callback reach the receiver on
    // loopback over plain HTTP; no stack sets it
    env.put("BRIDGE_BATCHES_CALLBACK_ALLOW_LOOPBACK", "true");
    api = LambdaRuntimeTarget.start(env, log("sqs-hook-api"));
    worker = LambdaRuntimeTarget.start(env, log("sqs-hook-worker"), WORKER);
    String batch =
        Invoices.batchOf("2026-09/sqs-hook", 2)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");
    HttpAnswer accepted = api.send(submit(batch));
    assertEquals(202, accepted.status(), accepted::text);
    List<SqsStandIn.Sent> items = sqs.sent();
    JsonNode worked = JSON.readTree(worker.invoke(sqsEvent(items)));
    assertEquals(0, worked.path("batchItemFailures").size(), worked::toString);
    List<SqsStandIn.Sent> callbacks = sqs.sent().subList(items.size(), sqs.sent().size());
    assertEquals(1, callbacks.size(), callbacks::toString);
    assertTrue(callbacks.getFirst().body().contains("\"kind\":\"callback\""), callbacks::toString);

    // when
    JsonNode response = JSON.readTree(worker.invoke(sqsEvent(callbacks, callbacks)));

    // then
    assertEquals(0, response.path("batchItemFailures").size(), response::toString);
    assertEquals(1, receiver.received().size(), receiver.received()::toString);
    CallbackReceiver.Received sent = receiver.delivered().getFirst();
    assertTrue(
        new CallbackSignature(StackEnvironment.CALLBACK_SECRET)
            .verifies(sent.signature(), sent.body()));
    HttpAnswer done =
        api.send(HttpCall.get(accepted.header("Location").orElseThrow(), authorized()));
    assertEquals("delivered", done.json().path("callback").path("status").asText(), done::text);
  }

  private Map<String, String> environment() {
    Map<String, String> env =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    env.put("FREEE_DRY_RUN", "true");
    env.put("BATCH_QUEUE", "sqs");
    env.put("BATCH_QUEUE_URL", sqs.queueUrl("batches"));
    env.put("BATCH_DEAD_LETTER_QUEUE_URL", sqs.queueUrl("batches-dead"));
    // what Lambda puts in every sandbox: the execution role's temporary credentials
    env.put("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE00");
    env.put("AWS_SECRET_ACCESS_KEY", "example-secret-access-key-0123456789abcd");
    env.put("AWS_SESSION_TOKEN", "example-session-token");
    env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint());
    return env;
  }

  /** An SQS event as the event source mapping delivers it (the shape of AWS's sample event). */
  @SafeVarargs
  private static String sqsEvent(List<SqsStandIn.Sent>... deliveries) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    int n = 0;
    for (List<SqsStandIn.Sent> delivery : deliveries) {
      n++;
      for (SqsStandIn.Sent message : delivery) {
        ObjectNode record = records.addObject();
        record.put("messageId", "message-" + records.size());
        record.put("receiptHandle", "receipt-" + records.size());
        record.put("body", message.body());
        ObjectNode attributes = record.putObject("attributes");
        attributes.put("ApproximateReceiveCount", Integer.toString(n));
        attributes.put("SentTimestamp", "1795939200000");
        attributes.put("SenderId", "AROAEXAMPLE:invoice-bridge");
        attributes.put("ApproximateFirstReceiveTimestamp", "1795939200100");
        record.putObject("messageAttributes");
        record.put("md5OfBody", "");
        record.put("eventSource", "aws:sqs");
        record.put(
            "eventSourceARN", "arn:aws:sqs:ap-northeast-1:123456789012:invoice-bridge-batches");
        record.put("awsRegion", "ap-northeast-1");
      }
    }
    return event.toString();
  }

  private static HttpCall submit(String batch) {
    Map<String, String> headers = new LinkedHashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    return HttpCall.post("/v1/batches", headers, batch);
  }

  private static Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + ConformanceTarget.RUN_TOKEN);
  }

  private static Path log(String name) {
    return Path.of("target", "as-deployed", name + ".log");
  }
}
