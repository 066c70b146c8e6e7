package io.invoicebridge.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.QueueFeed;
import io.invoicebridge.conformance.deployed.QueueWorkerCases;
import io.invoicebridge.conformance.deployed.StackTerraform;
import io.invoicebridge.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on a Storage queue as deployed, against Azurite (Microsoft's emulator of the
 * queue service): the staged function app under {@link FunctionsHostStandIn}, configured only by
 * the app settings the stack sets, puts a batch's items on the queue with its managed identity's
 * bearer token, and {@link QueueTrigger} hands each message to the queue-triggered {@code
 * batch-worker} as the Functions host does, with host.json's batch size and visibility timeout and
 * the stack's {@code maxDequeueCount} (app-config's {@code batch_queue_max_deliveries}, read from
 * terraform/). One Azurite, one app and one trigger serve the class; the shared cases ({@link
 * QueueWorkerCases}) add the first and the last test.
 */
class QueueWorkerAsDeployedIT extends QueueWorkerCases {

  private static final String QUEUE = "invoice-bridge-batches";
  private static final String POISON = QUEUE + "-poison";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManagedIdentityStandIn identity = ManagedIdentityStandIn.start();
  private Azurite azurite;
  private QueueService queues;
  private QueueTrigger trigger;

  QueueWorkerAsDeployedIT() {
    super("2026-09/azure");
  }

  @BeforeAll
  void start() {
    RedisServerExtension.start();
    azurite = Azurite.start(RedisServerExtension.tls());
    queues = new QueueService(azurite.accountUrl(), RedisServerExtension.tls().clientContext());
    queues.create(QUEUE);
    queues.create(POISON);
    env = environment();
    JdkHttpTarget app = warm(startApp("azure-queue-worker", env));
    api = app;
    trigger = QueueTrigger.start(queues, QUEUE, settings(), app);
  }

  @AfterAll
  void stop() {
    RedisServerExtension.start();
    closeAll(trigger, api, queues, azurite, identity, receiver, freee);
  }

  @Test
  @Order(2)
  void itemDeliveredWhileRedisIsDown_comesBackUntilGivenUp_failedAndPoisonedBeforeTheHostWould() {
    // given: the item queued, then Redis out of reach, so each delivery throws
    Queued queued = queuedWhileRedisIsDown("2026-09/azure-outage");

    // when: the host hands it over again after each failure, BATCH_MAX_ATTEMPTS times; then
    // Redis is back
    trigger.enableFor(maxAttempts());
    await(() -> trigger.failedSince(queued.earlier()) >= maxAttempts());
    RedisServerExtension.start();
    trigger.enable();

    // then: the app gave it up (failed, with the reason) and put it on the poison queue itself,
    // before the host's maxDequeueCount
    JsonNode done = awaitComplete(queued.location());
    assertGivenUp(done);
    await(() -> !trigger.deliveries().getLast().failed());
    List<QueueFeed.Delivery> tried =
        trigger.deliveries().subList(queued.earlier(), trigger.deliveries().size());
    int lastDequeue = tried.getLast().deliveryCount();
    assertTrue(lastDequeue > maxAttempts(), tried::toString);
    assertTrue(lastDequeue < settings().maxDequeueCount(), tried::toString);
    String batchId = done.path("id").asText();
    List<String> poisoned = queues.peek(POISON).stream().filter(m -> m.contains(batchId)).toList();
    assertEquals(List.of(tried.getLast().body()), poisoned);
  }

  @Test
  @Order(3)
  void messageTheFunctionCannotRead_afterMaxDequeueCountDeliveries_isOnThePoisonQueue() {
    // given
    int earlier = trigger.deliveries().size();

    // when
    queues.put(QUEUE, "not a batch message");

    // then
    await(() -> queues.peek(POISON).contains("not a batch message"));
    List<QueueFeed.Delivery> tried =
        trigger.deliveries().subList(earlier, trigger.deliveries().size());
    assertEquals(settings().maxDequeueCount(), tried.size(), tried::toString);
    assertTrue(tried.stream().allMatch(QueueFeed.Delivery::failed), tried::toString);
  }

  @Override
  protected QueueFeed feed() {
    return trigger;
  }

  @Override
  protected SecondWorker startSecondWorker(Map<String, String> settings) {
    JdkHttpTarget doomed = warm(startApp("azure-queue-worker-doomed", settings));
    return new SecondWorker(
        QueueTrigger.start(queues, QUEUE, settings(), doomed), doomed, doomed::close);
  }

  @Override
  protected void assertNothingAstray() {
    assertEquals(List.of(), identity.refused());
    assertEquals(List.of(), queues.peek(POISON));
  }

  /** The app settings the stack gives the app (terraform/modules/azure-function). */
  private Map<String, String> environment() {
    Map<String, String> settings = stackEnvironment("azure-queue");
    settings.put("FUNCTIONS_WORKER_RUNTIME", "java");
    settings.put("BATCH_QUEUE_NAME", QUEUE);
    settings.put("BATCH_QUEUE_URL", queues.queueUrl(QUEUE));
    settings.put("BATCH_DEAD_LETTER_QUEUE_URL", queues.queueUrl(POISON));
    settings.put("BatchQueueStorage__queueServiceUri", azurite.accountUrl() + "/");
    settings.put(
        "AzureFunctionsJobHost__extensions__queues__maxDequeueCount",
        Integer.toString(StackTerraform.batchQueueMaxDeliveries(maxAttempts(settings))));
    // what the Functions host sets for an app with a managed identity
    settings.put("IDENTITY_ENDPOINT", identity.endpoint());
    settings.put("IDENTITY_HEADER", ManagedIdentityStandIn.IDENTITY_HEADER);
    // test-only, no stack sets it: trust in the emulator's test certificate (Azure's endpoints
    // have public ones)
    settings.put("JAVA_TOOL_OPTIONS", RedisServerExtension.tls().javaOptions());
    return settings;
  }

  /** host.json's batch size and visibility timeout (absent: none), and the stack's count. */
  private QueueTrigger.Settings settings() {
    JsonNode queuesJson = hostJson().path("extensions").path("queues");
    String visibility = queuesJson.path("visibilityTimeout").asText("00:00:00");
    String[] hms = visibility.split(":");
    return new QueueTrigger.Settings(
        queuesJson.path("batchSize").asInt(16),
        Duration.ofHours(Long.parseLong(hms[0]))
            .plusMinutes(Long.parseLong(hms[1]))
            .plusSeconds(Long.parseLong(hms[2])),
        Integer.parseInt(env.get("AzureFunctionsJobHost__extensions__queues__maxDequeueCount")));
  }

  private static JsonNode hostJson() {
    try {
      return JSON.readTree(
          Path.of(System.getProperty("function.staging.dir"), "host.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An instance past its cold start: its worker has handled a message (of a batch that does not
   * exist, dropped).
   */
  private static JdkHttpTarget warm(JdkHttpTarget instance) {
    HttpAnswer handled =
        instance.send(
            new HttpCall(
                "POST",
                FunctionsHostStandIn.QUEUE_PATH,
                Map.of(FunctionsHostStandIn.DEQUEUE_COUNT_HEADER, "1"),
                "{\"batch_id\":\"warm-up\",\"index\":0,\"attempts\":0}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, handled.status(), "the warm-up message was not handled");
    return instance;
  }

  /** An app instance with these settings, killed (SIGKILL) when closed. */
  private static JdkHttpTarget startApp(String log, Map<String, String> settings) {
    return FunctionHostAsDeployedIT.startStandInKilledOnClose(
        settings, Path.of("target", "as-deployed", log + ".log"));
  }

  private static int maxAttempts(Map<String, String> settings) {
    return Integer.parseInt(settings.get("BATCH_MAX_ATTEMPTS"));
  }
}
