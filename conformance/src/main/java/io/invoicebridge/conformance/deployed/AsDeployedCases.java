package io.invoicebridge.conformance.deployed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.ManagementEndpoints;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One packaged entry point as it runs once deployed: started from its artifact in a child process
 * the way its platform starts it, configured only by the environment variables the Terraform stacks
 * set, against a real redis-server (with a password, as Upstash has) and the fake freee. The cases
 * run in order: the last one stops Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AsDeployedCases {

  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(45);

  private final String name;
  private final Correlation correlation;
  private FakeFreee freee;
  private HttpTarget target;
  private LogFile log;

  /**
   * {@code name}: the entry point's, naming its log file and its invoices; {@code correlation}: how
   * its platform delivers a correlation id.
   */
  protected AsDeployedCases(String name, Correlation correlation) {
    this.name = name;
    this.correlation = correlation;
  }

  /**
   * Starts the entry point with exactly {@code environment} as its process environment, writing its
   * output to {@code log}, and returns once it can take requests.
   */
  protected abstract HttpTarget start(Map<String, String> environment, Path log) throws Exception;

  /** Variables the platform itself sets besides the stack's (e.g. {@code K_SERVICE}). */
  protected Map<String, String> platformEnvironment() {
    return Map.of();
  }

  /**
   * Whether the platform's log service reads CloudWatch's Embedded Metric Format from the lines
   * (Lambda, which sets {@code AWS_LAMBDA_FUNCTION_NAME}).
   */
  protected boolean embeddedMetricFormat() {
    return false;
  }

  @BeforeAll
  void startEntryPoint() throws Exception {
    RedisServerExtension.start();
    RedisServerExtension.admin().flushAll();
    freee = FakeFreee.start();
    Map<String, String> environment =
        new LinkedHashMap<>(StackEnvironment.of(freee, RedisServerExtension.tlsUrl()));
    environment.putAll(platformEnvironment());
    // The test certificate is self-signed; Upstash's needs no such option.
    environment.merge(
        "JAVA_TOOL_OPTIONS",
        RedisServerExtension.tls().javaOptions(),
        (own, trust) -> own + " " + trust);
    Path logPath = Path.of("target", "as-deployed", name + ".log");
    log = new LogFile(logPath);
    target = start(environment, logPath);
  }

  @AfterAll
  void stopEntryPoint() {
    if (target != null) {
      target.close();
    }
    if (freee != null) {
      freee.close();
    }
    RedisServerExtension.start();
  }

  @Test
  @Order(1)
  void health_redisUp_answersUpWithOneRedisCheck() {
    HttpAnswer open = target.send(HttpCall.get("/health", Map.of()));
    HttpAnswer detailed = target.send(HttpCall.get("/health", authorized()));

    JsonNode components = detailed.json().path("details");
    assertAll(
        () -> assertEquals(200, open.status(), open::text),
        () -> assertEquals("UP", open.json().path("status").asText(), open::text),
        () -> assertEquals(200, detailed.status(), detailed::text),
        () -> assertEquals(List.of("redis"), redisChecks(components), detailed::text),
        () -> assertEquals("UP", components.path("redis").path("status").asText()));
  }

  @Test
  @Order(2)
  void managementEndpoints_otherThanHealth_answer404Or401WithOrWithoutToken() {
    ManagementEndpoints.assertClosed(target::send, Map.of());
    ManagementEndpoints.assertClosed(target::send, authorized());
  }

  @Test
  @Order(3)
  void batch_realInvoices_createdOnceThenReplayed() {
    String id = correlation.newId().get();
    String batch = Invoices.batchOf("2026-11/deployed-" + name, 2);
    HttpCall call = correlation.of(HttpCall.post("/v1/invoices/batch", json(), batch), id);

    HttpAnswer first = target.send(call);
    HttpAnswer again = target.send(call);

    String key = "2026-11/deployed-" + name + "/1";
    assertAll(
        () -> assertEquals(200, first.status(), first::text),
        () -> assertEquals(2, first.json().path("summary").path("created").asInt(), first::text),
        () -> assertEquals(200, again.status(), again::text),
        () -> assertEquals(2, again.json().path("summary").path("replayed").asInt(), again::text),
        () -> assertEquals(1, freee.invoicesWithMemoContaining(key)),
        () -> assertEquals(2, freee.invoiceCount()),
        () -> assertEquals(id, first.header("X-Request-Id").orElse(""), "correlation id echoed"),
        () -> assertCorrelatedLogLines(key, id));
  }

  @Test
  @Order(4)
  void log_healthyRun_hasNoErrorLine() {
    List<String> lines = log.lines();
    assertFalse(lines.isEmpty(), "the entry point wrote no log at all: " + log.path());
    assertEquals(List.of(), log.errorLines(0), "ERROR lines in a healthy run: " + log.path());
  }

  @Test
  @Order(5)
  void health_redisStopped_downUntilRedisReturns_livenessStaysUp() {
    RedisServerExtension.stop();
    // asked with the run token: evaluated afresh (an anonymous answer may be 5 s old)
    HttpAnswer down = awaitStatus(503);
    HttpAnswer liveness = target.send(HttpCall.get("/health/liveness", Map.of()));
    RedisServerExtension.start();
    HttpAnswer recovered = awaitStatus(200);

    assertAll(
        () -> assertEquals(503, down.status(), down::text),
        () -> assertEquals("DOWN", down.json().path("status").asText(), down::text),
        () -> assertEquals(200, liveness.status(), liveness::text),
        () -> assertEquals("UP", liveness.json().path("status").asText(), liveness::text),
        () -> assertEquals(200, recovered.status(), recovered::text));
  }

  @Test
  @Order(6)
  void log_operationalEvents_writtenAsTheCloudsLogServiceReadsThem() throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : log.lines()) {
      if (line.contains("\"event\":") && line.contains("{")) {
        events.add(new ObjectMapper().readTree(line.substring(line.indexOf('{'))));
      }
    }

    assertAll(
        () -> assertTrue(hasEvent(events, "invoice_outcome", "Invoices"), log.path().toString()),
        () -> assertTrue(hasEvent(events, "request", "RequestLatency"), log.path().toString()),
        () -> assertTrue(hasEvent(events, "freee_call", "FreeeCalls"), log.path().toString()),
        () ->
            assertTrue(hasEvent(events, "redis_unreachable", "RedisUnreachable"), "Redis stopped"),
        () ->
            assertTrue(
                events.stream().allMatch(e -> e.has("_aws") == embeddedMetricFormat()),
                "every event line has an Embedded Metric Format block exactly on Lambda"),
        () ->
            assertTrue(
                events.stream()
                    .filter(e -> e.has("_aws"))
                    .allMatch(
                        e ->
                            "InvoiceBridge"
                                .equals(e.at("/_aws/CloudWatchMetrics/0/Namespace").asText()))));
  }

  private static boolean hasEvent(List<JsonNode> events, String name, String metric) {
    return events.stream()
        .anyMatch(e -> name.equals(e.path("event").asText()) && e.path(metric).isNumber());
  }

  private void assertCorrelatedLogLines(String key, String id) {
    List<String> lines = log.linesContaining(key);
    assertFalse(lines.isEmpty(), "no log line names the item key; see " + log.path());
    for (String line : lines) {
      assertTrue(line.contains("\"correlation_id\":\"" + id + "\""), line);
    }
  }

  /**
   * {@code /health}, asked with the run token, once it answers {@code status}, or its last answer.
   */
  private HttpAnswer awaitStatus(int status) {
    Instant limit = Instant.now().plus(RECOVERY_LIMIT);
    HttpAnswer answer = target.send(HttpCall.get("/health", authorized()));
    while (answer.status() != status && Instant.now().isBefore(limit)) {
      ChildProcess.pause(Duration.ofMillis(500));
      answer = target.send(HttpCall.get("/health", authorized()));
    }
    return answer;
  }

  /** Names of the health components that check Redis: exactly one is wanted. */
  private static List<String> redisChecks(JsonNode components) {
    List<String> names = new ArrayList<>();
    components
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (n.toLowerCase(Locale.ROOT).contains("redis")) {
                names.add(n);
              }
            });
    return names;
  }

  private static Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + ConformanceTarget.RUN_TOKEN);
  }

  private static Map<String, String> json() {
    Map<String, String> headers = new LinkedHashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    return headers;
  }
}
