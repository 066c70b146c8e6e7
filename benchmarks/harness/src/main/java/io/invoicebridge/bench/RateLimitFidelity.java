package io.invoicebridge.bench;

import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
    int instances = options.integer("instances", 3);
    int windowS = options.integer("window-s", 10);
    int perWindow = options.integer("per-window", 100);
    int durationS = options.integer("duration-s", 60);
    int latencyMs = options.integer("latency-ms", 50);
    int concurrency = options.integer("concurrency", 2);
    int batchSize = options.integer("batch", 40);
    int freeePerMinute = perWindow * 60 / windowS;
    // the bridge's setting; freee's equivalent unless a margin is being tried
    int perMinute = options.integer("bridge-per-minute", freeePerMinute);

    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(perWindow, Duration.ofSeconds(windowS)).latency(Duration.ofMillis(latencyMs));
      RedisServerExtension.admin().flushAll();
      Map<String, Object> overrides = new HashMap<>();
      overrides.put("bridge.redis-url", RedisServerExtension.url().toString());
      overrides.put("bridge.rate-limit-per-minute", Integer.toString(perMinute));
      overrides.put("bridge.concurrent-freee-calls", Integer.toString(concurrency));
      overrides.put("bridge.request-timeout-ms", "300000");
      String seed = fake.issueRefreshToken();
      List<BridgeServer> bridges = new ArrayList<>();
      ExecutorService drivers = Executors.newFixedThreadPool(instances);
      try {
        for (int i = 0; i < instances; i++) {
          bridges.add(BridgeServer.start(fake, seed, overrides));
        }
        progress(
            "fidelity: "
                + instances
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
        AtomicInteger created = new AtomicInteger();
        List<Future<Instant>> lastAnswers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          BridgeServer bridge = bridges.get(i);
          String prefix = "i" + i;
          lastAnswers.add(
              drivers.submit(() -> keepBusy(bridge, prefix, batchSize, stopAt, created)));
        }
        // The busy period ends when the first instance has no more work.
        Instant busyEnd = null;
        for (Future<Instant> last : lastAnswers) {
          Instant at = last.get();
          busyEnd = busyEnd == null || at.isBefore(busyEnd) ? at : busyEnd;
        }
        report(
            options.text("label", "fidelity"),
            fake,
            freeePerMinute,
            perMinute,
            perWindow,
            windowS,
            busyEnd,
            created.get());
      } finally {
        drivers.shutdownNow();
        bridges.forEach(BridgeServer::close);
      }
    }
  }

  /** Posts batch after batch until {@code stopAt}; returns when the last answer arrived. */
  static Instant keepBusy(
      BridgeServer bridge, String prefix, int batchSize, long stopAt, AtomicInteger created) {
    int batch = 0;
    while (System.nanoTime() < stopAt) {
      HttpResponse<String> response =
          bridge.postBatch(TestItems.batch(prefix + "-b" + batch++, batchSize, 101));
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "batch answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode summary = BridgeServer.json(response).get("summary");
      created.addAndGet(summary.get("created").getIntValue());
    }
    return Instant.now();
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
