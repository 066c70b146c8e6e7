package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.deployed.QueueFeed;
import io.invoicebridge.conformance.deployed.QueueWorkerCases;
import io.invoicebridge.conformance.deployed.StackTerraform;
import io.invoicebridge.testing.RedisServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
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
 * API function and one worker serve the class; the shared cases ({@link QueueWorkerCases}) add the
 * first and the last test.
 */
class SqsWorkerAsDeployedIT extends QueueWorkerCases {

  private static final String WORKER = SqsBatchHandler.class.getName();
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ElasticMq sqs = ElasticMq.start();
  private ElasticMq.Queues queues;
  private LambdaRuntimeTarget worker;
  private EventSourceMapping mapping;

  SqsWorkerAsDeployedIT() {
    super("2026-09/sqs");
  }

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
    closeAll(mapping, api, worker, sqs, receiver, freee);
  }

  @Test
  @Order(2)
  void itemDeliveredWhileRedisIsDown_comesBackUntilGivenUp_failedAndDeadLetteredBeforeRedrive() {
    // given: the item queued, then Redis out of reach, so each delivery ends without an outcome
    Queued queued = queuedWhileRedisIsDown("2026-09/sqs-outage");

    // when: SQS delivers it again after each reported failure, until Redis is back
    mapping.enable();
    await(() -> mapping.failedSince(queued.earlier()) >= maxAttempts());
    RedisServerExtension.start();

    // then: the app gave it up on its own delivery, failed with the reason, in the dead-letter
    // queue with the reason, before SQS's redrive count would have moved it without a word
    JsonNode done = awaitComplete(queued.location());
    JsonNode result = assertGivenUp(done);
    await(() -> !mapping.deliveries().getLast().failed());
    List<QueueFeed.Delivery> tried =
        mapping.deliveries().subList(queued.earlier(), mapping.deliveries().size());
    int lastReceive = tried.getLast().deliveryCount();
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

  @Override
  protected QueueFeed feed() {
    return mapping;
  }

  @Override
  protected SecondWorker startSecondWorker(Map<String, String> settings) {
    LambdaRuntimeTarget doomed =
        warm(LambdaRuntimeTarget.start(settings, log("sqs-worker-doomed"), WORKER));
    return new SecondWorker(
        EventSourceMapping.start(sqs.client(), queues, batchSize(), doomed), doomed, doomed::kill);
  }

  @Override
  protected void assertNothingAstray() {
    assertEquals(0, deadLetters().size());
  }

  private Map<String, String> environment() {
    Map<String, String> stack = stackEnvironment("sqs");
    // what Lambda puts in every sandbox: the execution role's temporary credentials
    stack.put("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE00");
    stack.put("AWS_SECRET_ACCESS_KEY", "example-secret-access-key-0123456789abcd");
    stack.put("AWS_SESSION_TOKEN", "example-session-token");
    stack.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint());
    return stack;
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

  private static Path log(String name) {
    return Path.of("target", "as-deployed", name + ".log");
  }
}
