package io.invoicebridge.health;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.LogCapture;
import io.invoicebridge.testing.RedisAdmin;
import io.invoicebridge.testing.RedisServerExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a flood of anonymous health probes costs, counted by Redis itself ({@code INFO
 * commandstats}): at most one round trip (a {@code PING}) per {@link HealthCache#PERIOD}, whatever
 * the rate, and no log line. Anyone can send them, and Upstash bills every command.
 */
@ExtendWith(RedisServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousHealthCostTest {

  private static final int PROBES = 300;
  private static final List<String> PATHS =
      List.of("/health", "/health/readiness", "/health/liveness");

  private final FakeFreee freee = FakeFreee.start();
  private final RedisAdmin admin = RedisServerExtension.admin();

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee, Map.of("bridge.redis-url", RedisServerExtension.url().toString()));

  @Test
  void anonymousProbes_flood_atMostOneRedisCommandPerCachePeriodAndNoLogLine() throws Exception {
    // given: an instance connected to Redis, whose operator has looked at the details once
    assertEquals(200, bridge.send(bridge.request("/health").GET()).statusCode());
    admin.resetStats();
    long started = System.nanoTime();

    // when
    List<HttpResponse<String>> answers;
    try (LogCapture log = new LogCapture()) {
      answers = flood();
      assertEquals(List.of(), log.events(), "log lines written for anonymous probes");
    }

    // then
    double periods = (System.nanoTime() - started) / (double) HealthCache.PERIOD.toNanos();
    Map<String, Long> calls = new TreeMap<>(admin.commandCalls());
    calls.remove("config"); // the CONFIG RESETSTAT that started the count
    long commands = calls.values().stream().mapToLong(Long::longValue).sum();
    assertAll(
        () -> assertTrue(answers.stream().allMatch(a -> a.statusCode() == 200), "all UP"),
        () -> assertTrue(answers.stream().allMatch(a -> json(a).get("details") == null)),
        () -> assertTrue(calls.keySet().stream().allMatch("ping"::equals), calls::toString),
        () ->
            assertTrue(
                commands <= 1 + (long) Math.floor(periods),
                commands + " commands in " + periods + " cache periods: " + calls));
  }

  @Test
  void operator_withToken_getsFreshDetailsEveryTime() {
    HttpResponse<String> first = bridge.send(bridge.request("/health").GET());
    admin.resetStats();

    HttpResponse<String> second = bridge.send(bridge.request("/health").GET());

    assertNotNull(json(first).get("details").get("redis"), first.body());
    assertNotNull(json(second).get("details").get("freee-token"), second.body());
    assertTrue(admin.commandCalls().getOrDefault("ping", 0L) >= 1, "checked again, not cached");
  }

  /** {@link #PROBES} anonymous GETs, spread over the three health paths, from 8 threads. */
  private List<HttpResponse<String>> flood() throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<HttpResponse<String>>> pending = new ArrayList<>();
      for (int i = 0; i < PROBES; i++) {
        HttpRequest.Builder probe =
            HttpRequest.newBuilder(bridge.uri(PATHS.get(i % PATHS.size()))).GET();
        pending.add(threads.submit(() -> bridge.send(probe)));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : pending) {
        answers.add(answer.get());
      }
      return answers;
    }
  }
}
