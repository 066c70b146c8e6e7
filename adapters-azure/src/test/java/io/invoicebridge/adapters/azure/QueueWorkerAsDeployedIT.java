package io.invoicebridge.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.StackEnvironment;
import io.invoicebridge.conformance.deployed.StackTerraform;
import io.invoicebridge.queued.CallbackSignature;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

/**
 * Asynchronous batches on a Storage queue as deployed, against Azurite (Microsoft's emulator of the
 * queue service): the staged function app under {@link FunctionsHostStandIn}, configured only by
 * the app settings the stack sets, puts a batch's items on the queue with its managed identity's
 * bearer token, and {@link QueueTrigger} hands each message to the queue-triggered {@code
 * batch-worker} as the Functions host does, with host.json's batch size and visibility timeout and
 * the stack's {@code maxDequeueCount} (app-config's {@code batch_queue_max_deliveries}, read from
 * terraform/). One Azurite, one app and one trigger serve the class; the test that kills a worker
 * runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueWorkerAsDeployedIT {

  private static final String QUEUE = "invoice-bridge-batches";
  private static final String POISON = QUEUE + "-poison";
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));
  private final CallbackReceiver receiver = CallbackReceiver.start();
  private final ManagedIdentityStandIn identity = ManagedIdentityStandIn.start();
  private Azurite azurite;
  private QueueService queues;
  private Map<String, String> env;
  private JdkHttpTarget app;
  private QueueTrigger trigger;

  @BeforeAll
  void start() {
    RedisServerExtension.start();
    azurite = Azurite.start(RedisServerExtension.tls());
    queues = new QueueService(azurite.accountUrl(), RedisServerExtension.tls().clientContext());
    queues.create(QUEUE);
    queues.create(POISON);
    env = environment();
    app = warm(startApp("azure-queue-worker", env));
    trigger = QueueTrigger.start(queues, QUEUE, settings(), app);
  }

  @AfterAll
  void stop() {
    RedisServerExtension.start();
    for (AutoCloseable open :
        new AutoCloseable[] {trigger, app, queues, azurite, identity, receiver, freee}) {
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
        Invoices.batchOf("2026-09/azure-hook", 3)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");

    // when
    String location = submit(batch);

    // then
    JsonNode done =
        awaitBatch(location, b -> "delivered".equals(b.path("callback").path("status").asText()));
    assertEquals(3, done.path("summary").path("created").asInt(), done::toString);
    assertInvoicedOnce("2026-09/azure-hook", 3);
    assertEquals(1, receiver.delivered().size(), receiver.received()::toString);
    CallbackReceiver.Received sent = receiver.delivered().getFirst();
    assertTrue(
        new CallbackSignature(StackEnvironment.CALLBACK_SECRET)
            .verifies(sent.signature(), sent.body()));
    assertEquals(List.of(), identity.refused());
    assertEquals(List.of(), queues.peek(POISON));
  }

  @Test
  @Order(2)
  void itemDeliveredWhileRedisIsDown_comesBackUntilGivenUp_failedAndPoisonedBeforeTheHostWould() {
    // given: the item queued, then Redis out of reach, so each delivery throws
    trigger.disable();
    String location = submit(Invoices.batchOf("2026-09/azure-outage", 1));
    RedisServerExtension.stopKeepingData();
    int earlier = trigger.deliveries().size();

    // when: the host hands it over again after each failure, BATCH_MAX_ATTEMPTS times; then
    // Redis is back
    trigger.enableFor(maxAttempts());
    await(() -> failedSince(earlier) >= maxAttempts());
    RedisServerExtension.start();
    trigger.enable();

    // then: the app gave it up (failed, with the reason) and put it on the poison queue itself,
    // before the host's maxDequeueCount
    JsonNode done = awaitBatch(location, b -> "complete".equals(b.path("status").asText()));
    JsonNode result = done.path("results").get(0);
    assertEquals("failed", result.path("status").asText(), done::toString);
    assertTrue(
        result.path("detail").asText().contains("deliveries ended without an outcome"),
        done::toString);
    await(() -> !trigger.deliveries().getLast().failed());
    List<QueueTrigger.Delivery> tried =
        trigger.deliveries().subList(earlier, trigger.deliveries().size());
    int lastDequeue = tried.getLast().dequeueCount();
    assertTrue(lastDequeue > maxAttempts(), tried::toString);
    assertTrue(lastDequeue < settings().maxDequeueCount(), tried::toString);
    String batchId = done.path("id").asText();
    List<String> poisoned = queues.peek(POISON).stream().filter(m -> m.contains(batchId)).toList();
    assertEquals(List.of(tried.getLast().text()), poisoned);
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
    List<QueueTrigger.Delivery> tried =
        trigger.deliveries().subList(earlier, trigger.deliveries().size());
    assertEquals(settings().maxDequeueCount(), tried.size(), tried::toString);
    assertTrue(tried.stream().allMatch(QueueTrigger.Delivery::failed), tried::toString);
  }

  @Test
  @Order(4)
  void thirtyItems_oneWorkerKilledMidItem_completeWithEveryInvoiceCreatedOnce() {
    // given: a second app instance beside the first, with its host's trigger and a short deadline
    // (a stack may set 2 s and up), so the item it holds when killed is free again within seconds
    Map<String, String> shortDeadline = new LinkedHashMap<>(env);
    shortDeadline.put("REQUEST_TIMEOUT_MS", "6000");
    JdkHttpTarget doomed = warm(startApp("azure-queue-worker-doomed", shortDeadline));
    int before = freee.invoiceCount();
    try (QueueTrigger doomedTrigger = QueueTrigger.start(queues, QUEUE, settings(), doomed)) {
      String location = submit(Invoices.batchOf("2026-09/azure-kill", 30));
      await(() -> freee.invoiceCount() >= before + 8);

      // when: freee holds the second instance's next answer (the invoice is made), and that
      // instance is killed
      trigger.disable();
      int armed = freee.invoiceCount();
      freee.slowAfterNextCreates(1, Duration.ofSeconds(30));
      await(() -> freee.invoiceCount() > armed);
      doomed.close();
      trigger.enable();

      // then
      JsonNode done = awaitBatch(location, b -> "complete".equals(b.path("status").asText()));
      JsonNode summary = done.path("summary");
      // the killed worker's item is found in freee by its marker and recorded, answering replayed
      assertEquals(
          30, summary.path("created").asInt() + summary.path("replayed").asInt(), done::toString);
      assertInvoicedOnce("2026-09/azure-kill", 30);
      assertEquals(before + 30, freee.invoiceCount());
    } finally {
      doomed.close();
    }
  }

  /** The app settings the stack gives the app (terraform/modules/azure-function). */
  private Map<String, String> environment() {
    Map<String, String> settings =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.url()));
    settings.put("FUNCTIONS_WORKER_RUNTIME", "java");
    settings.put("BATCH_QUEUE", "azure-queue");
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
    // test-only, no stack sets them: a claim's margin past its deadline (30 s otherwise), the
    // callback reaching the receiver on loopback over plain HTTP, and trust in the emulator's
    // test certificate (Azure's endpoints have public ones)
    settings.put("BRIDGE_CLAIM_MARGIN", "1s");
    settings.put("BRIDGE_BATCHES_CALLBACK_ALLOW_LOOPBACK", "true");
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

  private int maxAttempts() {
    return maxAttempts(env);
  }

  private static int maxAttempts(Map<String, String> settings) {
    return Integer.parseInt(settings.get("BATCH_MAX_ATTEMPTS"));
  }

  private long failedSince(int earlier) {
    List<QueueTrigger.Delivery> all = trigger.deliveries();
    return all.subList(earlier, all.size()).stream().filter(QueueTrigger.Delivery::failed).count();
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
    HttpAnswer accepted = app.send(HttpCall.post("/v1/batches", headers, batch));
    assertEquals(202, accepted.status(), accepted::text);
    return accepted.header("Location").orElseThrow();
  }

  private JsonNode awaitBatch(String location, Predicate<JsonNode> done) {
    Instant limit = Instant.now().plus(LIMIT);
    JsonNode shown = null;
    while (Instant.now().isBefore(limit)) {
      shown = app.send(HttpCall.get(location, authorized())).json();
      if (done.test(shown)) {
        return shown;
      }
      pause();
    }
    throw new AssertionError("not done within " + LIMIT + ": " + shown);
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
}
