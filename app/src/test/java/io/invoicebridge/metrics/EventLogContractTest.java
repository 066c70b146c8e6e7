package io.invoicebridge.metrics;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.invoicebridge.logging.BridgeLogLayout;
import io.invoicebridge.logging.StructuredFields;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.LogCapture;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log contract of ops/service.yaml: real batches through the app (in memory, against the fake
 * freee; with freee throttling; with Redis down) write every event the specification names, with
 * its fields and metrics, and on Lambda a valid Embedded Metric Format block.
 */
class EventLogContractTest {

  private static final ServiceSpecification SPEC = ServiceSpecification.load();

  /** What Lambda sets: the lines then carry CloudWatch's Embedded Metric Format. */
  private static final Map<String, Object> ON_LAMBDA =
      Map.of(
          "operations.aws-lambda-function-name", "invoice-bridge-test",
          "bridge.enable-structured-logging", "true");

  /** Parsed lines of every event written while the scenarios ran, by event name. */
  private static final Map<String, List<JsonNode>> LINES = new HashMap<>();

  /** Every event line as written. */
  private static final List<String> RAW = new ArrayList<>();

  /** The typed members each event line was written with, by event name. */
  private static final Map<String, List<Set<String>>> MEMBERS = new HashMap<>();

  @BeforeAll
  static void runScenarios() throws IOException {
    List<ILoggingEvent> captured;
    try (LogCapture logs = new LogCapture()) {
      createThenFailTokenRefresh();
      throttledByFreee();
      redisDown();
      asyncItemGivenUp();
      captured = logs.events();
    }
    BridgeLogLayout layout = new BridgeLogLayout();
    layout.setStructured(true);
    for (ILoggingEvent event : captured) {
      if (LogLineEvents.LOGGER.equals(event.getLoggerName())) {
        String raw = layout.doLayout(event);
        RAW.add(raw);
        JsonNode line = parse(raw);
        String name = line.get("event").getStringValue();
        LINES.computeIfAbsent(name, n -> new ArrayList<>()).add(line);
        StructuredFields typed = (StructuredFields) event.getArgumentArray()[1];
        MEMBERS.computeIfAbsent(name, n -> new ArrayList<>()).add(typed.members().keySet());
      }
    }
  }

  @Test
  void realBatches_writeEveryEventOfTheSpecification() {
    assertEquals(SPEC.events().keySet(), LINES.keySet(), "events written vs specified");
  }

  @Test
  void everyEventLine_carriesItsFieldsWithTheirTypesAndItsMetricValues() {
    assertEquals(List.of(), problemsOfEveryLine(EventLogContractTest::checkFieldsAndMetrics));
  }

  @Test
  void embeddedMetricBlocks_areValidAndMatchTheSpecification() {
    assertEquals(List.of(), problemsOfEveryLine(EventLogContractTest::checkEmbeddedMetrics));
  }

  @Test
  void eventLines_carryNoMemberTheSpecificationDoesNotName() {
    MEMBERS.forEach(
        (name, lines) -> {
          Set<String> known = known(SPEC.events().get(name));
          for (Set<String> members : lines) {
            assertTrue(known.containsAll(members), name + ": " + members + " beyond " + known);
          }
        });
  }

  @Test
  void eventLines_neverCarryTheCompanyIdOrAToken() {
    assertFalse(RAW.isEmpty());
    for (String line : RAW) {
      assertFalse(line.contains("company_id"), line);
      assertFalse(line.contains(Long.toString(FakeFreee.COMPANY_ID)), line);
      assertFalse(line.contains("Bearer"), line);
    }
  }

  /** A check of one written line of a specified event, adding what it finds to the problems. */
  private interface LineCheck {
    void check(String event, ServiceSpecification.Event spec, JsonNode line, List<String> problems);
  }

  /** The problems {@code check} finds in every line written of every specified event. */
  private static List<String> problemsOfEveryLine(LineCheck check) {
    List<String> problems = new ArrayList<>();
    SPEC.events()
        .forEach(
            (name, spec) ->
                LINES
                    .getOrDefault(name, List.of())
                    .forEach(line -> check.check(name, spec, line, problems)));
    return problems;
  }

  private static void checkFieldsAndMetrics(
      String event, ServiceSpecification.Event spec, JsonNode line, List<String> problems) {
    spec.fields().forEach((field, type) -> checkField(event, line, field, type, problems));
    spec.metrics().forEach((metric, m) -> checkMetric(event, line, metric, m, problems));
    if (!"invoice-bridge-test".equals(text(line, "service"))) {
      problems.add(event + ": service is not the function's name: " + show(line));
    }
  }

  private static void checkField(
      String event, JsonNode line, String field, String type, List<String> problems) {
    JsonNode value = line.get(field);
    boolean typed = value != null && ("number".equals(type) ? value.isNumber() : value.isString());
    if (!typed) {
      problems.add(event + ": field " + field + " is not a " + type + ": " + show(line));
    }
  }

  private static void checkMetric(
      String event,
      JsonNode line,
      String metric,
      ServiceSpecification.MetricSpec spec,
      List<String> problems) {
    JsonNode value = line.get(metric);
    if (value == null || !value.isNumber()) {
      problems.add(event + ": metric " + metric + " has no numeric member: " + show(line));
      return;
    }
    double expected =
        "1".equals(spec.value()) ? 1 : line.get(spec.value()).getNumberValue().doubleValue();
    if (value.getNumberValue().doubleValue() != expected) {
      problems.add(event + ": metric " + metric + " is not " + spec.value() + ": " + show(line));
    }
  }

  private static void checkEmbeddedMetrics(
      String event, ServiceSpecification.Event spec, JsonNode line, List<String> problems) {
    JsonNode block = line.get("_aws");
    if (block == null || !block.get("Timestamp").isNumber()) {
      problems.add(event + ": no _aws block with a Timestamp: " + show(line));
      return;
    }
    JsonNode directives = block.get("CloudWatchMetrics");
    assertEquals(1, directives.size(), show(line));
    JsonNode directive = directives.get(0);
    if (!SPEC.namespace().equals(text(directive, "Namespace"))) {
      problems.add(event + ": namespace is not " + SPEC.namespace());
    }
    List<List<String>> expectedSets = new ArrayList<>();
    expectedSets.add(List.of("service"));
    spec.dimensions().forEach(set -> expectedSets.add(withService(set)));
    List<List<String>> sets = new ArrayList<>();
    for (JsonNode set : directive.get("Dimensions").values()) {
      List<String> names = new ArrayList<>();
      set.values().forEach(n -> names.add(n.getStringValue()));
      sets.add(names);
      if (names.size() > 30 || names.contains("company_id")) {
        problems.add(event + ": dimension set breaks CloudWatch's limits or names the company");
      }
      names.stream()
          .filter(n -> line.get(n) == null || !line.get(n).isString())
          .forEach(n -> problems.add(event + ": dimension " + n + " is no string member"));
    }
    if (!expectedSets.equals(sets)) {
      problems.add(event + ": dimensions " + sets + " instead of " + expectedSets);
    }
    Map<String, String> units = new HashMap<>();
    for (JsonNode metric : directive.get("Metrics").values()) {
      units.put(text(metric, "Name"), text(metric, "Unit"));
    }
    Map<String, String> expectedUnits = new HashMap<>();
    spec.metrics().forEach((metric, m) -> expectedUnits.put(metric, m.unit()));
    if (!expectedUnits.equals(units) || units.size() > 100) {
      problems.add(event + ": metrics " + units + " instead of " + expectedUnits);
    }
  }

  private static List<String> withService(List<String> set) {
    List<String> names = new ArrayList<>(List.of("service"));
    names.addAll(set);
    return names;
  }

  // ---- scenarios ----

  /** Creates invoices, then a refresh freee's token endpoint never answers. */
  private static void createThenFailTokenRefresh() {
    try (FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1))) {
      try (BridgeServer bridge = startOnLambda(freee, Map.of())) {
        bridge.postBatch(TestItems.batch("contract", 3, 101));
        freee.expireAccessTokens();
        freee.failTokenEndpoint(FakeFreee.TokenFault.DROP_BEFORE_ROTATING, 1);
        bridge.postBatch(TestItems.batch("contract-token", 1, 101));
      }
    }
  }

  /** Another app of the company spent freee's window: freee answers 429. */
  private static void throttledByFreee() {
    try (FakeFreee freee = FakeFreee.start().rateLimit(4, Duration.ofSeconds(3))) {
      try (BridgeServer bridge =
          startOnLambda(freee, Map.of("bridge.request-timeout-ms", "2500"))) {
        freee.spendRateLimit(4);
        bridge.postBatch(TestItems.batch("contract-throttled", 1, 101));
      }
    }
  }

  /** An asynchronous item whose one allowed attempt fails is given up (dead-lettered). */
  private static void asyncItemGivenUp() {
    try (FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1))) {
      Map<String, Object> oneAttempt =
          Map.of("bridge.batches.max-attempts", "1", "bridge.retry-max-attempts", "1");
      try (BridgeServer bridge = startOnLambda(freee, oneAttempt)) {
        freee.failNextCreates(10);
        HttpResponse<String> accepted =
            bridge.submitBatch(TestItems.batch("contract-given-up", 1, 101));
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Instant limit = Instant.now().plusSeconds(60);
        while (!json(bridge.send(bridge.request(location).GET()))
                .get("status")
                .getStringValue()
                .equals("complete")
            && Instant.now().isBefore(limit)) {
          Waits.pause(Duration.ofMillis(200));
        }
      }
    }
  }

  /** REDIS_URL names a port nothing listens on: the ledger fails closed. */
  private static void redisDown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (FakeFreee freee = FakeFreee.start()) {
      Map<String, Object> redisDown = Map.of("bridge.redis-url", "redis://127.0.0.1:" + closedPort);
      try (BridgeServer bridge = startOnLambda(freee, redisDown)) {
        bridge.postBatch(TestItems.batch("contract-redis", 1, 101));
      }
    }
  }

  /** A bridge against {@code freee} as on Lambda, with {@code more} settings. */
  private static BridgeServer startOnLambda(FakeFreee freee, Map<String, Object> more) {
    Map<String, Object> settings = new HashMap<>(ON_LAMBDA);
    settings.putAll(more);
    return BridgeServer.start(freee, freee.issueRefreshToken(), settings);
  }

  private static String show(JsonNode line) {
    try {
      return JsonMapper.createDefault().writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isString() ? null : value.getStringValue();
  }

  private static JsonNode parse(String line) {
    try {
      return JsonMapper.createDefault().readValue(line, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
  }

  /** The members the specification lets a line of this event carry. */
  private static Set<String> known(ServiceSpecification.Event spec) {
    Set<String> names = new java.util.HashSet<>(spec.fields().keySet());
    names.addAll(spec.metrics().keySet());
    names.addAll(Set.of("event", "service", "_aws"));
    return names;
  }
}
