package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.deployed.StackEnvironment;
import io.invoicebridge.conformance.deployed.StackTerraform;
import io.invoicebridge.queued.CallbackSignature;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Asynchronous batches on SQS as deployed, against ElasticMQ (a server made for SQS's API): the
 * HTTP function queues a batch's items through the AWS SDK, and the same jar under AWS's runtime
 * interface client, configured with the worker's handler, is fed by {@link EventSourceMapping} as
 * Lambda feeds it. The queues are created as the stack creates them: the redrive policy's receive
 * count is app-config's {@code batch_queue_max_deliveries} for the stack's {@code
 * BATCH_MAX_ATTEMPTS}, and the mapping's batch size the module's. Only the visibility timeout is
 * the test's own: the stack sets six times the function's timeout (minutes), and each message the
 * test makes fail or strands with a killed worker waits that long to come back. One ElasticMQ, one
 * API function and one worker serve the class; the test that kills a second worker runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqsWorkerAsDeployedIT {

  private static final String WORKER = SqsBatchHandler.class.getName();
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));
  private final CallbackReceiver receiver = CallbackReceiver.start();
  private final ElasticMq sqs = ElasticMq.start();
  private Map<String, String> env;
  private ElasticMq.Queues queues;
  private LambdaRuntimeTarget api;
  private LambdaRuntimeTarget worker;
  private EventSourceMapping mapping;

  @BeforeAll
  void start() {
    RedisServerExtension.start();
    env = environment();
    int maxDeliveries = StackTerraform.batchQueueMaxDeliveries(maxAttempts());
    queues = sqs.createBatchQueues("invoice-bridge", VISIBILITY_TIMEOUT, maxDeliveries);
    env.put("BATCH_QUEUE_URL", queues.url());
    env.put("BATCH_DEAD_LETTER_QUEUE_URL", queues.deadLetterUrl());
    api = LambdaRuntimeTarget.start(env, log("sqs-api"));
    worker = warm(LambdaRuntimeTarget.start(env, log("sqs-worker"), WORKER));
    mapping = EventSourceMapping.start(sqs.client(), queues, batchSize(), worker);
  }

  @AfterAll
  void stop() {
    RedisServerExtension.start();
    for (AutoCloseable open : new AutoCloseable[] {mapping, api, worker, sqs, receiver, freee}) {
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
  @Order(1)
  void batchWithCallback_workedFromTheQueue_createsEachInvoiceOnceAndSendsTheCallbackOnce() {
    // given
    String batch =
        Invoices.batchOf("2026-09/sqs-hook", 3)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");

    // when
    String location = submit(batch);

    // then
    JsonNode done = awaitBatch(location, b -> "delivered".equals(callbackStatus(b)));
    assertEquals(3, done.path("summary").path("created").asInt(), done::toString);
    assertInvoicedOnce("2026-09/sqs-hook", 3);
    assertEquals(1, receiver.delivered().size(), receiver.received()::toString);
    CallbackReceiver.Received sent = receiver.delivered().getFirst();
    assertTrue(
        new CallbackSignature(StackEnvironment.CALLBACK_SECRET)
            .verifies(sent.signature(), sent.body()));
    assertEquals(0, deadLetters().size());
  }

  @Test
  @Order(2)
  void itemDeliveredWhileRedisIsDown_comesBackUntilGivenUp_failedAndDeadLetteredBeforeRedrive() {
    // given: the item queued, then Redis out of reach, so each delivery ends without an outcome
    mapping.disable();
    String location = submit(Invoices.batchOf("2026-09/sqs-outage", 1));
    RedisServerExtension.stopKeepingData();
    int earlier = mapping.deliveries().size();

    // when: SQS delivers it again after each reported failure, until Redis is back
    mapping.enable();
    await(() -> failedDeliveriesSince(earlier) >= maxAttempts());
    RedisServerExtension.start();

    // then: the app gave it up on its own delivery, failed with the reason, in the dead-letter
    // queue with the reason, before SQS's redrive count would have moved it without a word
    JsonNode done = awaitBatch(location, b -> "complete".equals(b.path("status").asText()));
    JsonNode result = done.path("results").get(0);
    assertEquals("failed", result.path("status").asText(), done::toString);
    assertTrue(
        result.path("detail").asText().contains("deliveries ended without an outcome"),
        done::toString);
    await(() -> !mapping.deliveries().getLast().failed());
    List<EventSourceMapping.Delivery> tried =
        mapping.deliveries().subList(earlier, mapping.deliveries().size());
    int lastReceive = tried.getLast().receiveCount();
    assertTrue(lastReceive > maxAttempts(), tried::toString);
    assertTrue(
        lastReceive <= StackTerraform.batchQueueMaxDeliveries(maxAttempts()), tried::toString);
    String batchId = done.path("id").asText();
    List<Message> deadLetters =
        deadLetters().stream().filter(m -> m.body().contains(batchId)).toList();
    assertEquals(1, deadLetters.size(), deadLetters::toString);
    assertEquals(tried.getLast().body(), deadLetters.getFirst().body());
    assertEquals(
        result.path("detail").asText(),
        deadLetters.getFirst().messageAttributes().get("reason").stringValue());
  }

  @Test
  @Order(3)
  void thirtyItems_oneWorkerKilledMidItem_completeWithEveryInvoiceCreatedOnce() {
    // given: a second worker instance beside the first, fed by the mapping, with a short deadline
    // (a stack may set 2 s and up), so the item it holds when killed is free again within seconds
    Map<String, String> shortDeadline = new LinkedHashMap<>(env);
    shortDeadline.put("REQUEST_TIMEOUT_MS", "6000");
    LambdaRuntimeTarget doomed =
        warm(LambdaRuntimeTarget.start(shortDeadline, log("sqs-worker-doomed"), WORKER));
    int before = freee.invoiceCount();
    try (EventSourceMapping doomedMapping =
        EventSourceMapping.start(sqs.client(), queues, batchSize(), doomed)) {
      String location = submit(Invoices.batchOf("2026-09/sqs-kill", 30));
      await(() -> freee.invoiceCount() >= before + 8);

      // when: freee holds the second instance's next answer (the invoice is made), and that
      // instance is killed
      mapping.disable();
      int armed = freee.invoiceCount();
      freee.slowAfterNextCreates(1, Duration.ofSeconds(30));
      await(() -> freee.invoiceCount() > armed);
      doomed.kill();
      mapping.enable();

      // then
      JsonNode done = awaitBatch(location, b -> "complete".equals(b.path("status").asText()));
      JsonNode summary = done.path("summary");
      // the killed worker's item is found in freee by its marker and recorded, answering replayed
      assertEquals(
          30, summary.path("created").asInt() + summary.path("replayed").asInt(), done::toString);
      assertInvoicedOnce("2026-09/sqs-kill", 30);
      assertEquals(before + 30, freee.invoiceCount());
    } finally {
      doomed.close();
    }
  }

  private Map<String, String> environment() {
    Map<String, String> stack =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    stack.put("BATCH_QUEUE", "sqs");
    // test-only, no stack sets them: a claim's margin past its deadline (30 s otherwise), and
    // the callback reaching the receiver on loopback over plain HTTP
    stack.put("BRIDGE_CLAIM_MARGIN", "1s");
    stack.put("BRIDGE_BATCHES_CALLBACK_ALLOW_LOOPBACK", "true");
    // what Lambda puts in every sandbox: the execution role's temporary credentials
    stack.put("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE00");
    stack.put("AWS_SECRET_ACCESS_KEY", "example-secret-access-key-0123456789abcd");
    stack.put("AWS_SESSION_TOKEN", "example-session-token");
    stack.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint());
    return stack;
  }

  private int maxAttempts() {
    return Integer.parseInt(env.get("BATCH_MAX_ATTEMPTS"));
  }

  /** The event source mapping's batch size: the module's default, which the stack keeps. */
  private static int batchSize() {
    return StackTerraform.variableDefault("aws-function", "batch_worker_batch_size");
  }

  /**
   * A worker past its cold start, as the sandboxes Lambda keeps are: it has handled a message (of a
   * batch that does not exist, dropped).
   */
  private static LambdaRuntimeTarget warm(LambdaRuntimeTarget function) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode record = event.putArray("Records").addObject();
    record.put("messageId", "warm-up");
    record.put("body", "{\"batch_id\":\"warm-up\",\"index\":0,\"attempts\":0}");
    record.putObject("attributes").put("ApproximateReceiveCount", "1");
    function.invoke(event.toString());
    return function;
  }

  private long failedDeliveriesSince(int earlier) {
    List<EventSourceMapping.Delivery> all = mapping.deliveries();
    return all.subList(earlier, all.size()).stream()
        .filter(EventSourceMapping.Delivery::failed)
        .count();
  }

  private List<Message> deadLetters() {
    return sqs.client()
        .receiveMessage(
            b ->
                b.queueUrl(queues.deadLetterUrl())
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(0)
                    .messageAttributeNames("All"))
        .messages();
  }

  private void assertInvoicedOnce(String prefix, int count) {
    for (int i = 1; i <= count; i++) {
      String marker = "[invoice-bridge:" + prefix + "/" + i + "]";
      assertEquals(1, freee.invoicesWithMemoContaining(marker), marker);
    }
  }

  private String submit(String batch) {
    Map<String, String> headers = new LinkedHashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    HttpAnswer accepted = api.send(HttpCall.post("/v1/batches", headers, batch));
    assertEquals(202, accepted.status(), accepted::text);
    return accepted.header("Location").orElseThrow();
  }

  private JsonNode awaitBatch(String location, Predicate<JsonNode> done) {
    Instant limit = Instant.now().plus(LIMIT);
    JsonNode shown = null;
    while (Instant.now().isBefore(limit)) {
      shown = api.send(HttpCall.get(location, authorized())).json();
      if (done.test(shown)) {
        return shown;
      }
      pause();
    }
    throw new AssertionError("not done within " + LIMIT + ": " + shown);
  }

  private static String callbackStatus(JsonNode batch) {
    return batch.path("callback").path("status").asText();
  }

  private static void await(BooleanSupplier condition) {
    Instant limit = Instant.now().plus(LIMIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(limit)) {
        throw new AssertionError("not within " + LIMIT);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + ConformanceTarget.RUN_TOKEN);
  }

  private static Path log(String name) {
    return Path.of("target", "as-deployed", name + ".log");
  }
}
