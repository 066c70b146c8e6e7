package io.invoicebridge.conformance.deployed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.config.SettingRule;
import io.invoicebridge.config.SettingRules;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A packaged function reads every documented setting from its environment when it starts, never
 * from its build (Micronaut AOT computes things at build time; none of them may be a setting).
 * Started with each variable changed, the package shows the change: a value that breaks its rule is
 * refused by name, and changed limits and a Redis address appear in {@code /health}.
 */
public abstract class RunTimeSettingsCases {

  private static final String RUN_TOKEN = "run-time-settings-token-0123456789abcdef";

  /**
   * Starts the package with exactly {@code environment} as its process environment, writing its
   * output to {@code log}. A start whose configuration is refused may fail here or at the first
   * request.
   */
  protected abstract HttpTarget start(Map<String, String> environment, Path log);

  /** The log files' prefix, one per entry point. */
  protected abstract String name();

  @Test
  void start_everyRuleOfTheTableBroken_refusedNamingEachVariable() {
    Map<String, String> environment = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (SettingRule rule : SettingRules.ALL) {
      String broken = brokenValue(rule);
      environment.put(rule.variable(), broken);
      problems.add(printable(rule.problemWith(broken).orElseThrow()));
    }

    String log = refusedStart(environment, "every-rule");

    assertAll(problems.stream().map(problem -> () -> assertContains(log, problem)));
  }

  /** The batches' settings, each broken alone: the refusal names what is wrong. */
  @ParameterizedTest
  @MethodSource("batchSettings")
  void start_batchSettingBroken_refusedNamingTheVariable(
      String variable, String value, String named) {
    Map<String, String> environment = new LinkedHashMap<>(valid());
    environment.put(variable, value);

    String log =
        refusedStart(environment, (variable + "-" + value).replaceAll("[^A-Za-z0-9_-]", "_"));

    assertContains(log, named);
  }

  static Stream<Arguments> batchSettings() {
    return Stream.concat(
        Stream.of(
            Arguments.of("BATCH_QUEUE", "carrier-pigeon", "BATCH_QUEUE"),
            Arguments.of("BATCH_QUEUE", "sqs", "BATCH_QUEUE=sqs needs BATCH_QUEUE_URL")),
        SettingRules.BATCHES.stream()
            .map(rule -> Arguments.of(rule.variable(), brokenValue(rule), rule.variable())));
  }

  @Test
  void health_limitsAndRedisChanged_configurationShowsEach() {
    int redisPort = ChildProcess.freePort();
    Map<String, String> environment = new LinkedHashMap<>(valid());
    environment.putAll(
        Map.of(
            "REDIS_URL", "redis://127.0.0.1:" + redisPort,
            "RATE_LIMIT_PER_MINUTE", "37",
            "RATE_LIMIT_PER_HOUR", "1234",
            "RATE_LIMIT_PER_DAY", "4321",
            "RATE_LIMIT_INTERACTIVE_SHARE_PERCENT", "17",
            "CONCURRENT_FREEE_CALLS", "3",
            "REQUEST_TIMEOUT_MS", "12345"));

    JsonNode health;
    try (HttpTarget target = start(environment, log("changed"))) {
      HttpAnswer answer =
          target.send(HttpCall.get("/health", Map.of("Authorization", "Bearer " + RUN_TOKEN)));
      health = answer.json().path("details");
    }

    JsonNode shown = health.path("configuration").path("details");
    assertAll(
        () -> assertEquals(true, shown.path("dry_run").asBoolean(), health::toString),
        () ->
            assertEquals(
                "redis (redis://127.0.0.1:" + redisPort + ")", shown.path("state").asText()),
        () -> assertTrue(health.has("redis"), "no Redis check: " + health),
        () -> assertEquals(37, shown.path("rate_limit_per_minute").asInt()),
        () -> assertEquals(1234, shown.path("rate_limit_per_hour").asInt()),
        () -> assertEquals(4321, shown.path("rate_limit_per_day").asInt()),
        () -> assertEquals(17, shown.path("rate_limit_interactive_share_percent").asInt()),
        () -> assertEquals(3, shown.path("concurrent_freee_calls").asInt()),
        () -> assertEquals(12345, shown.path("request_timeout_ms").asInt()));
  }

  /** A dry run that starts: what the other cases change one part of. */
  private static Map<String, String> valid() {
    return Map.of("RUN_TOKEN", RUN_TOKEN, "FREEE_DRY_RUN", "true");
  }

  /** The first value at the rule's edges that the rule refuses. */
  private static String brokenValue(SettingRule rule) {
    return rule.constraint().edges().stream()
        .filter(value -> !value.isBlank() && rule.problemWith(value).isPresent())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no refused edge for " + rule.variable()));
  }

  /**
   * The problem as far as it is ASCII: a runtime may write its log in ASCII (Google's invoker
   * without a locale prints the allowed partner titles, 御中 and 様, as question marks).
   */
  private static String printable(String problem) {
    int end = 0;
    while (end < problem.length() && problem.charAt(end) < 128) {
      end++;
    }
    return problem.substring(0, end);
  }

  /** Starts the package, lets it fail, and returns what it logged. */
  private String refusedStart(Map<String, String> environment, String label) {
    Path log = log(label);
    try (HttpTarget target = start(environment, log)) {
      HttpAnswer answer = target.send(HttpCall.get("/health", Map.of()));
      assertTrue(answer.status() >= 500, "started with a refused setting: " + answer.text());
    } catch (IllegalStateException refused) {
      // the start or the first request failed, as it must; the log says why
    }
    return String.join("\n", new LogFile(log).lines());
  }

  private Path log(String label) {
    return Path.of("target", "run-time-settings", name() + "-" + label + ".log");
  }

  private static void assertContains(String log, String expected) {
    assertTrue(log.contains(expected), "the log does not say \"" + expected + "\":\n" + log);
  }
}
