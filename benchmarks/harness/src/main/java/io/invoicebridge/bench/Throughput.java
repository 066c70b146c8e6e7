package io.invoicebridge.bench;

import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisAdmin;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batch throughput with no rate limit: one bridge (Netty, real HTTP) against the fake freee with a
 * fixed latency L per call and {@code CONCURRENT_FREEE_CALLS} C; the wall time of one batch of N
 * items against the ideal N × L / C. A warm-up batch first (JIT, the first token refresh, Redis
 * scripts loaded), so the timed batch measures the steady path, as on a warm instance. In the same
 * run, {@link DirectFloor} posts the same number of creates straight to the fake: what the fake and
 * loopback HTTP cost without the bridge.
 *
 * <p>With {@code --redis true} the ledger and the limiter are a real redis-server, and Redis's own
 * {@code INFO commandstats} over the timed batch gives the commands per created invoice.
 */
final class Throughput {

  private Throughput() {}

  static void run(Bench.Options options) throws Exception {
    int items = options.integer("items", 500);
    int latencyMs = options.integer("latency-ms", 50);
    int concurrency = options.integer("concurrency", 4);
    int warmup = options.integer("warmup-items", 200);
    boolean redis = options.flag("redis", false);
    String label = redis ? "redis" : "memory";

    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(1_000_000, Duration.ofMinutes(1)).latency(Duration.ofMillis(latencyMs));
      progress("throughput (" + label + "): direct floor, warm-up then " + items + " creates");
      DirectFloor.run(fake, "floor-warm", warmup, concurrency);
      long floorMs = DirectFloor.run(fake, "floor", items, concurrency);
      Map<String, Object> overrides = new HashMap<>();
      // The setting's ceiling, 100 calls a second: more than C calls of L ms each can use.
      overrides.put("bridge.rate-limit-per-minute", "6000");
      overrides.put("bridge.concurrent-freee-calls", Integer.toString(concurrency));
      overrides.put("bridge.request-timeout-ms", "600000");
      overrides.put("bridge.max-batch-size", Integer.toString(Math.max(items, warmup)));
      RedisAdmin admin = null;
      if (redis) {
        overrides.put("bridge.redis-url", RedisServerExtension.url().toString());
        admin = RedisServerExtension.admin();
        admin.flushAll();
      }
      try (BridgeServer bridge = BridgeServer.start(fake, fake.issueRefreshToken(), overrides)) {
        progress("throughput (" + label + "): warm-up batch of " + warmup);
        requireCreated(bridge.postBatch(TestItems.batch("warm", warmup, 101)), warmup);
        if (admin != null) {
          admin.resetStats();
        }
        progress("throughput (" + label + "): timed batch of " + items);
        String body = TestItems.batch("timed", items, 101);
        Instant sent = Instant.now();
        long started = System.nanoTime();
        HttpResponse<String> response = bridge.postBatch(body);
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        Instant answered = Instant.now();
        List<Instant> calls = fake.apiCallTimes().stream().filter(t -> t.isAfter(sent)).toList();
        int created = requireCreated(response, items);
        double idealMs = (double) items * latencyMs / concurrency;
        result("throughput." + label + ".items", items);
        result("throughput." + label + ".latency_ms", latencyMs);
        result("throughput." + label + ".concurrency", concurrency);
        result("throughput." + label + ".created", created);
        result("throughput." + label + ".wall_ms", wallMs);
        result("throughput." + label + ".ideal_ms", Math.round(idealMs));
        result("throughput." + label + ".ratio", String.format("%.3f", wallMs / idealMs));
        // where the time beyond the calls went: before the first call reached the fake, and
        // after the last one arrived there (its latency included) until the answer was read
        result(
            "throughput." + label + ".lead_ms",
            Duration.between(sent, calls.getFirst()).toMillis());
        result(
            "throughput." + label + ".tail_ms",
            Duration.between(calls.getLast(), answered).toMillis());
        result("throughput." + label + ".floor_ms", floorMs);
        result("throughput." + label + ".floor_ratio", String.format("%.3f", floorMs / idealMs));
        result(
            "throughput." + label + ".bridge_over_floor",
            String.format("%.3f", (double) wallMs / floorMs));
        if (admin != null) {
          redisCost(bridge, admin, options.integer("cost-items", 100));
        }
      }
    }
  }

  /**
   * Redis's own count of what one more batch of created invoices costs: {@code INFO commandstats}
   * over the batch, with {@code MONITOR} telling the commands the bridge sent (what Upstash bills;
   * a script call is one) from those its scripts ran inside Redis (commandstats counts both).
   */
  private static void redisCost(BridgeServer bridge, RedisAdmin admin, int items) throws Exception {
    progress("redis cost: batch of " + items + " under INFO commandstats and MONITOR");
    admin.resetStats();
    long sent;
    long inside;
    try (RedisMonitor monitor = new RedisMonitor(RedisServerExtension.adminUrl())) {
      int created = requireCreated(bridge.postBatch(TestItems.batch("cost", items, 101)), items);
      Thread.sleep(500); // the feed trails the replies a little
      sent = monitor.fromClients();
      inside = monitor.insideScripts();
      result("redis.invoices", created);
    }
    Map<String, Long> calls = new TreeMap<>(admin.commandCalls());
    // the harness's own commands, not the bridge's
    calls.remove("info");
    calls.remove("config");
    calls.remove("monitor");
    long counted = calls.values().stream().mapToLong(Long::longValue).sum();
    result("redis.commandstats", calls.toString().replace(" ", ""));
    result("redis.commandstats_total", counted);
    result("redis.monitor_sent_by_bridge", sent);
    result("redis.monitor_inside_scripts", inside);
    result("redis.commands_per_invoice", String.format("%.2f", (double) sent / items));
    result(
        "redis.commandstats_per_invoice_including_script_internals",
        String.format("%.2f", (double) counted / items));
    if (sent + inside != counted) {
      progress("warning: MONITOR saw " + (sent + inside) + " commands, commandstats " + counted);
    }
  }

  /** The number created; fails loudly unless the batch completed with every item created. */
  private static int requireCreated(HttpResponse<String> response, int expected) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "batch answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode json = BridgeServer.json(response);
    int created = json.get("summary").get("created").getIntValue();
    if (!json.get("complete").getBooleanValue() || created != expected) {
      throw new IllegalStateException(
          "batch incomplete: created "
              + created
              + " of "
              + expected
              + ", summary "
              + json.get("summary"));
    }
    return created;
  }
}
