package io.invoicebridge.bench;

import static io.invoicebridge.bench.AsyncThroughput.awaitComplete;
import static io.invoicebridge.bench.AsyncThroughput.location;
import static io.invoicebridge.bench.AsyncThroughput.submit;
import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.InMemoryRateLimiter;
import io.invoicebridge.quota.Quota;
import io.invoicebridge.quota.Window;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.WindowPhase;
import io.invoicebridge.timing.Lane;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Month-end: a large asynchronous batch on two instances at the limits every stack deploys (30 a
 * minute, 1,500 an hour, 3,000 a day, the default interactive share, Redis) against a fake freee
 * enforcing and reporting all three windows, placed at a chosen time of day by the window phase and
 * shortened {@code scale} times (fake and bridge alike: the same code path as a real hour). The
 * back office submits the items as batches of 500 (the default {@code MAX_BATCH_SIZE}) to one
 * instance; a person's single invoice is sent to the other once a quarter of them are created.
 * Reported: submit to the last create reaching freee, against the ideal of {@link QuotaIdeal} (the
 * batch's calls at freee's minute pace plus the waits its hour and day budgets force, plus the one
 * slot the person took), and the person's wait from sending to freee in paced slots.
 */
final class MonthEnd {

  private static final int PER_MINUTE = 30;
  private static final int PER_HOUR = 1500;
  private static final int PER_DAY = 3000;
  private static final int SHARE_PERCENT = 10;
  private static final int BATCH = 500;

  private MonthEnd() {}

  static void run(Bench.Options options) throws Exception {
    int scale = options.integer("scale", 60);
    int latencyMs = options.integer("latency-ms", 5);
    for (String size : options.text("items", "500,2000").split(",")) {
      for (String time : options.text("times", "00:00:05,12:00:00,23:55:00").split(",")) {
        runOne(Integer.parseInt(size), LocalTime.parse(time), scale, latencyMs);
      }
    }
  }

  private static void runOne(int items, LocalTime timeOfDay, int scale, int latencyMs)
      throws Exception {
    String label = "monthend." + items + "." + timeOfDay.toString().replace(":", "");
    RedisServerExtension.admin().flushAll();
    // The bridges take a few seconds to start: the phase places the submit, not the start.
    Instant submitAt = Instant.now().plusSeconds(10);
    Duration phase = WindowPhase.placing(submitAt, timeOfDay, scale);
    Quota quota = new Quota(PER_MINUTE, PER_HOUR, PER_DAY, SHARE_PERCENT, scale, phase);
    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(PER_MINUTE, quota.length(Window.MINUTE))
          .hourLimit(PER_HOUR, quota.length(Window.HOUR))
          .dayLimit(PER_DAY, quota.length(Window.DAY))
          .windowPhase(phase)
          .latency(Duration.ofMillis(latencyMs));
      List<BridgeServer> bridges = start(fake, deployed(scale, phase), 2);
      try {
        // Both instances warm up (JIT, token, scripts) in the minutes before: at 60 times
        // shortened windows a slot is 34 ms, so a cold path's first calls would weigh heavily.
        sleepUntil(submitAt.minus(quota.length(Window.MINUTE).multipliedBy(3)));
        warmUp(bridges);
        sleepUntil(submitAt);
        progress(label + ": " + items + " items at " + timeOfDay + "Z, windows / " + scale);
        Instant submitted = Instant.now();
        List<String> locations = new ArrayList<>();
        for (int from = 0; from < items; from += BATCH) {
          String batch = TestItems.batch("month-end-" + from, Math.min(BATCH, items - from), 101);
          locations.add(location(submit(bridges.get(0), batch)));
        }
        awaitCreated(fake, items / 4);
        Instant personSent = Instant.now();
        bridges.get(1).postBatch(TestItems.batch("person", 1, 102));
        for (String location : locations) {
          awaitComplete(bridges.get(0), location);
        }
        report(label, fake, quota, items, submitted, personSent);
      } finally {
        bridges.forEach(BridgeServer::close);
      }
    }
  }

  private static void report(
      String label, FakeFreee fake, Quota quota, int items, Instant submitted, Instant personSent) {
    Duration pace = quota.length(Window.MINUTE).dividedBy(PER_MINUTE);
    QuotaIdeal ideal =
        new QuotaIdeal(
            pace,
            quota.length(Window.HOUR),
            quota.length(Window.DAY),
            quota.phase(),
            quota.capFor(CallKind.CREATE, Lane.QUEUED, PER_HOUR),
            quota.capFor(CallKind.CREATE, Lane.QUEUED, PER_DAY));
    List<Instant> batch = fake.creationTimes("[invoice-bridge:month-end-");
    Instant last = batch.getLast();
    long elapsedMs = Duration.between(submitted, last).toMillis();
    long idealMs =
        Duration.between(submitted, ideal.lastStart(submitted, items).plus(pace)).toMillis();
    Instant personCreated = fake.creationTimes("[invoice-bridge:person-0]").getFirst();
    Duration slot = InMemoryRateLimiter.intervalFor(PER_MINUTE, quota.length(Window.MINUTE));
    double waitSlots =
        (double) Duration.between(personSent, personCreated).toMillis() / slot.toMillis();
    result(label + ".items", items);
    result(label + ".scale", quota.scale());
    result(label + ".created", batch.size());
    result(label + ".elapsed_ms", elapsedMs);
    result(label + ".ideal_ms", idealMs);
    result(label + ".ratio", String.format("%.3f", (double) elapsedMs / idealMs));
    result(label + ".interactive_wait_slots", String.format("%.2f", waitSlots));
    result(label + ".rate_limited_429", fake.rateLimitedCount());
    result(label + ".duplicates", batch.size() - items);
  }

  /** The stacks' settings, windows shortened and moved like the fake's. */
  private static Map<String, Object> deployed(int scale, Duration phase) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bridge.redis-url", RedisServerExtension.url().toString());
    settings.put("bridge.rate-limit-per-minute", Integer.toString(PER_MINUTE));
    settings.put("bridge.rate-limit-per-hour", Integer.toString(PER_HOUR));
    settings.put("bridge.rate-limit-per-day", Integer.toString(PER_DAY));
    settings.put(Quota.SCALE_PROPERTY, Integer.toString(scale));
    settings.put(Quota.PHASE_PROPERTY, Long.toString(phase.toMillis()));
    return settings;
  }

  /** {@code count} instances sharing the fake's seed token and the settings' Redis. */
  static List<BridgeServer> start(FakeFreee fake, Map<String, Object> settings, int count) {
    String seed = fake.issueRefreshToken();
    List<BridgeServer> bridges = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bridges.add(BridgeServer.start(fake, seed, settings));
    }
    return bridges;
  }

  private static void warmUp(List<BridgeServer> bridges) throws Exception {
    try (var both = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < bridges.size(); i++) {
        BridgeServer bridge = bridges.get(i);
        String batch = TestItems.batch("warm-" + i, 20, 103);
        both.submit(() -> bridge.postBatch(batch));
      }
    }
  }

  private static void awaitCreated(FakeFreee fake, int count) throws InterruptedException {
    while (fake.invoicesWithMemoContaining("[invoice-bridge:month-end-") < count) {
      Thread.sleep(5);
    }
  }

  static void sleepUntil(Instant at) throws InterruptedException {
    Duration wait = Duration.between(Instant.now(), at);
    if (!wait.isNegative()) {
      Thread.sleep(wait);
    }
  }
}
