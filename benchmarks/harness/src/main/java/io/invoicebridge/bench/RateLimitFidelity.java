package io.invoicebridge.bench;

import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.testing.FakeFreee;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit fidelity across instances: several bridge instances (each its own application context
 * and Netty server, in this one JVM) share one redis-server and one fake freee whose limit is N
 * calls per short window W. Each bridge is set to the same rate per minute (N × 60 s / W), so
 * freee's limit and the bridge's are equal, with no margin. Every instance is kept busy with
 * batches for the busy period; the achieved rate is counted from the fake's own arrival times of
 * the calls it answered, and freee's 429s from its own counter.
 */
final class RateLimitFidelity {

  private RateLimitFidelity() {}

  static void run(Bench.Options options) throws Exception {
    BusyBridges.Fleet fleet = BusyBridges.Fleet.of(options);
    int windowS = options.integer("window-s", 10);
    int perWindow = options.integer("per-window", 100);
    int durationS = options.integer("duration-s", 60);
    int freeePerMinute = perWindow * 60 / windowS;
    // the bridge's setting; freee's equivalent unless a margin is being tried
    int perMinute = options.integer("bridge-per-minute", freeePerMinute);

    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(perWindow, Duration.ofSeconds(windowS))
          .latency(Duration.ofMillis(fleet.latencyMs()));
      Map<String, Object> settings = BusyBridges.settings(perMinute, fleet.concurrency(), 300000);
      try (BusyBridges bridges = BusyBridges.start(fake, settings, fleet.instances())) {
        progress(
            "fidelity: "
                + fleet.instances()
                + " instances, fake "
                + perWindow
                + "/"
                + windowS
                + " s, bridge "
                + perMinute
                + "/min, busy for "
                + durationS
                + " s");
        long stopAt = System.nanoTime() + Duration.ofSeconds(durationS).toNanos();
        // The busy period ends when the first instance has no more work.
        Instant busyEnd =
            bridges.keepBusy("i", fleet.batchSize(), stopAt).stream()
                .min(Instant::compareTo)
                .orElseThrow();
        report(
            options.text("label", "fidelity"),
            fake,
            freeePerMinute,
            perMinute,
            perWindow,
            windowS,
            busyEnd,
            bridges.created());
      }
    }
  }

  private static void report(
      String label,
      FakeFreee fake,
      int freeePerMinute,
      int perMinute,
      int perWindow,
      int windowS,
      Instant busyEnd,
      int created) {
    List<Instant> calls = fake.apiCallTimes();
    int refused = fake.rateLimitedCount();
    List<Instant> busy = calls.stream().filter(t -> !t.isAfter(busyEnd)).toList();
    // calls freee answered (refused ones do not count against its limit); the 429s all fall in
    // the busy period or the few seconds after it, so this undercounts if anything
    int answered = busy.size() - refused;
    double busySeconds = Duration.between(busy.getFirst(), busy.getLast()).toNanos() / 1e9;
    double achievedPerMinute = (answered - 1) * 60.0 / busySeconds;
    int maxInWindow = fake.maxCallsInAnyWindow(Duration.ofSeconds(windowS));
    result(label + ".freee_limit_per_minute", freeePerMinute);
    result(label + ".bridge_limit_per_minute", perMinute);
    result(label + ".fake_limit", perWindow + "/" + windowS + "s");
    result(label + ".busy_seconds", String.format("%.1f", busySeconds));
    result(label + ".calls_in_busy_period", busy.size());
    result(label + ".calls_total", calls.size());
    result(label + ".created", created);
    result(label + ".achieved_per_minute", String.format("%.1f", achievedPerMinute));
    result(
        label + ".ratio_to_freee_limit", String.format("%.3f", achievedPerMinute / freeePerMinute));
    result(label + ".max_calls_in_any_window", maxInWindow);
    result(label + ".rate_limited_429", refused);
    result(label + ".invoices_in_fake", fake.invoiceCount());
  }
}
