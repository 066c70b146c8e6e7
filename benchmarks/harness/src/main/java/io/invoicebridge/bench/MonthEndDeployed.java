package io.invoicebridge.bench;

import static io.invoicebridge.bench.AsyncThroughput.awaitComplete;
import static io.invoicebridge.bench.AsyncThroughput.location;
import static io.invoicebridge.bench.AsyncThroughput.submit;
import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.quota.InMemoryRateLimiter;
import io.invoicebridge.quota.Quota;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.WindowPhase;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The issue's own test of month-end, in real time at the limits every stack deploys (30 a minute,
 * 1,500 an hour, 3,000 a day, Redis, a 30 s request) against a fake freee enforcing and reporting
 * all three windows, placed at a chosen time of day by the window phase: a synchronous batch resent
 * until complete, honouring {@code Retry-After}, and an asynchronous batch on two instances, during
 * which a person's single invoice goes to the second instance once a quarter of the batch is
 * created. Each is measured from the first send to the complete answer, against freee's minute pace
 * (N calls two seconds apart, plus one call's latency; the person's invoice counts as one of the
 * asynchronous run's calls); the person's wait from sending to freee in paced slots (2.04 s).
 */
final class MonthEndDeployed {

  private static final Duration PACE = Duration.ofSeconds(2);

  private MonthEndDeployed() {}

  static void run(Bench.Options options) throws Exception {
    int syncItems = options.integer("sync-items", 20);
    int asyncItems = options.integer("async-items", 40);
    int latencyMs = options.integer("latency-ms", 300);
    String kinds = options.text("kinds", "sync,async");
    for (String time : options.text("times", "00:00:05,12:00:00,23:59:30").split(",")) {
      LocalTime timeOfDay = LocalTime.parse(time);
      String at = timeOfDay.toString().replace(":", "");
      if (kinds.contains("sync")) {
        String label = "deployed.sync." + at;
        String what = syncItems + " items resent until complete";
        placed(label, timeOfDay, latencyMs, 1, what, sync(label, syncItems, latencyMs));
      }
      if (kinds.contains("async")) {
        String label = "deployed.async." + at;
        String what = asyncItems + " items on two instances";
        placed(label, timeOfDay, latencyMs, 2, what, async(label, asyncItems, latencyMs));
      }
    }
  }

  /** A synchronous batch resent until complete, on one instance. */
  private static PlacedRun sync(String label, int items, int latencyMs) {
    return (fake, bridges) -> {
      Instant sent = Instant.now();
      int rounds = resendUntilComplete(bridges.getFirst(), TestItems.batch("sync", items, 101));
      report(label, fake, items, sent, Instant.now(), latencyMs);
      result(label + ".requests", rounds);
    };
  }

  /** An asynchronous batch on two instances, and a person's invoice once a quarter is made. */
  private static PlacedRun async(String label, int items, int latencyMs) {
    return (fake, bridges) -> {
      Instant sent = Instant.now();
      String location = location(submit(bridges.getFirst(), TestItems.batch("async", items, 101)));
      while (fake.invoicesWithMemoContaining("[invoice-bridge:async-") < items / 4) {
        Thread.sleep(20);
      }
      Instant personSent = Instant.now();
      bridges.get(1).postBatch(TestItems.batch("person", 1, 102));
      Instant personCreated = fake.creationTimes("[invoice-bridge:person-0]").getFirst();
      awaitComplete(bridges.get(1), location);
      report(label, fake, items + 1, sent, Instant.now(), latencyMs);
      long slotMs = InMemoryRateLimiter.intervalFor(30).toMillis();
      long waitMs = Duration.between(personSent, personCreated).toMillis();
      result(label + ".interactive_wait_slots", String.format("%.2f", (double) waitMs / slotMs));
    };
  }

  /** What a run does once its bridges are up and the chosen time of day has come. */
  private interface PlacedRun {
    void run(FakeFreee fake, List<BridgeServer> bridges) throws Exception;
  }

  /**
   * Starts the fake and {@code instances} bridges with the deployed limits, the windows placed so
   * that the run starts at {@code timeOfDay}, and runs {@code run} then.
   */
  private static void placed(
      String label, LocalTime timeOfDay, int latencyMs, int instances, String what, PlacedRun run)
      throws Exception {
    Instant start = Instant.now().plusSeconds(8);
    Duration phase = WindowPhase.placing(start, timeOfDay, 1);
    try (FakeFreee fake = freee(phase, latencyMs)) {
      List<BridgeServer> bridges = MonthEnd.start(fake, deployed(phase), instances);
      try {
        MonthEnd.sleepUntil(start);
        progress(label + ": " + what + ", at " + timeOfDay + "Z");
        run.run(fake, bridges);
      } finally {
        bridges.forEach(BridgeServer::close);
      }
    }
  }

  /** A client's protocol: resend the same batch after {@code Retry-After} until complete. */
  private static int resendUntilComplete(BridgeServer bridge, String batch)
      throws InterruptedException {
    for (int round = 1; ; round++) {
      HttpResponse<String> answer = bridge.postBatch(batch);
      JsonNode json = BridgeServer.json(answer);
      if (json.get("complete").getBooleanValue()) {
        return round;
      }
      long seconds = answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
      Thread.sleep(Duration.ofSeconds(Math.max(0, seconds)));
    }
  }

  private static void report(
      String label, FakeFreee fake, int items, Instant sent, Instant done, int latencyMs) {
    long elapsedMs = Duration.between(sent, done).toMillis();
    long idealMs = PACE.multipliedBy(items - 1).toMillis() + latencyMs;
    result(label + ".items", items);
    result(label + ".created", fake.invoiceCount());
    result(label + ".elapsed_ms", elapsedMs);
    result(label + ".ideal_ms", idealMs);
    result(label + ".ratio", String.format("%.3f", (double) elapsedMs / idealMs));
    List<Instant> calls = fake.apiCallTimes();
    result(label + ".lead_ms", Duration.between(sent, calls.getFirst()).toMillis());
    long widest = 0;
    for (int i = 1; i < calls.size(); i++) {
      widest = Math.max(widest, Duration.between(calls.get(i - 1), calls.get(i)).toMillis());
    }
    result(label + ".widest_gap_ms", widest);
    result(label + ".rate_limited_429", fake.rateLimitedCount());
    result(label + ".duplicates", fake.invoiceCount() - items);
    if (fake.invoiceCount() < items) {
      throw new IllegalStateException(label + ": created " + fake.invoiceCount() + " of " + items);
    }
  }

  private static FakeFreee freee(Duration phase, int latencyMs) {
    RedisServerExtension.admin().flushAll();
    return FakeFreee.start()
        .rateLimit(30, Duration.ofMinutes(1))
        .hourLimit(1500, Duration.ofHours(1))
        .dayLimit(3000, Duration.ofDays(1))
        .windowPhase(phase)
        .latency(Duration.ofMillis(latencyMs));
  }

  private static Map<String, Object> deployed(Duration phase) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bridge.redis-url", RedisServerExtension.url().toString());
    settings.put("bridge.rate-limit-per-minute", "30");
    settings.put("bridge.rate-limit-per-hour", "1500");
    settings.put("bridge.rate-limit-per-day", "3000");
    settings.put("bridge.request-timeout-ms", "30000");
    settings.put(Quota.PHASE_PROPERTY, Long.toString(phase.toMillis()));
    return settings;
  }
}
