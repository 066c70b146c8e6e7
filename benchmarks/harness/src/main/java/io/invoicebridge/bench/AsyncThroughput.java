package io.invoicebridge.bench;

import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Asynchronous batches ({@code POST /v1/batches}) on one bridge (Netty, the in-process worker over
 * a real Redis or memory) against the fake freee: how long the submit takes to answer 202, and the
 * time from submit to {@code complete} against the ideal the rate limit sets (N items at R calls a
 * minute take N / R minutes, whatever the cloud does). The fake's latency L and the bridge's
 * concurrency C are chosen so that N × L / C stays below that ideal: the rate limit, not the calls,
 * is what binds. A small batch first warms the JIT, the token and the Redis scripts.
 */
final class AsyncThroughput {

  private static final Duration POLL = Duration.ofMillis(200);

  private AsyncThroughput() {}

  static void run(Bench.Options options) throws Exception {
    int items = options.integer("items", 500);
    int perMinute = options.integer("rate-per-minute", 1200);
    int latencyMs = options.integer("latency-ms", 100);
    int concurrency = options.integer("concurrency", 4);
    boolean redis = options.flag("redis", true);
    String label = "async." + (redis ? "redis" : "memory");

    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(1_000_000, Duration.ofMinutes(1)).latency(Duration.ofMillis(latencyMs));
      Map<String, Object> overrides = new HashMap<>();
      overrides.put("bridge.rate-limit-per-minute", Integer.toString(perMinute));
      overrides.put("bridge.concurrent-freee-calls", Integer.toString(concurrency));
      overrides.put("bridge.max-batch-size", Integer.toString(items));
      if (redis) {
        overrides.put("bridge.redis-url", RedisServerExtension.url().toString());
        RedisServerExtension.admin().flushAll();
      }
      try (BridgeServer bridge = BridgeServer.start(fake, fake.issueRefreshToken(), overrides)) {
        progress(label + ": warm-up batch of 40");
        awaitComplete(bridge, location(submit(bridge, TestItems.batch("async-warm", 40, 101))));
        progress(label + ": timed batch of " + items + " at " + perMinute + "/min");
        String body = TestItems.batch("async-timed", items, 101);
        long started = System.nanoTime();
        HttpResponse<String> accepted = submit(bridge, body);
        long submitMs = (System.nanoTime() - started) / 1_000_000;
        JsonNode done = awaitComplete(bridge, location(accepted));
        long completeMs = (System.nanoTime() - started) / 1_000_000;
        int created = done.get("summary").get("created").getIntValue();
        double idealMs = items * 60_000.0 / perMinute;
        result(label + ".items", items);
        result(label + ".rate_per_minute", perMinute);
        result(label + ".latency_ms", latencyMs);
        result(label + ".concurrency", concurrency);
        result(label + ".created", created);
        result(label + ".submit_ms", submitMs);
        result(label + ".complete_ms", completeMs);
        result(label + ".ideal_ms", Math.round(idealMs));
        result(label + ".ratio", String.format("%.3f", completeMs / idealMs));
        if (created != items) {
          throw new IllegalStateException("created " + created + " of " + items);
        }
      }
    }
  }

  static HttpResponse<String> submit(BridgeServer bridge, String body) {
    HttpResponse<String> accepted =
        bridge.send(bridge.request("/v1/batches").POST(HttpRequest.BodyPublishers.ofString(body)));
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException(
          "submit answered " + accepted.statusCode() + ": " + accepted.body());
    }
    return accepted;
  }

  static String location(HttpResponse<String> accepted) {
    return accepted.headers().firstValue("Location").orElseThrow();
  }

  /** Polls the batch until it is complete (at most an hour). */
  static JsonNode awaitComplete(BridgeServer bridge, String location) throws InterruptedException {
    long limit = System.nanoTime() + Duration.ofHours(1).toNanos();
    while (System.nanoTime() < limit) {
      JsonNode batch = BridgeServer.json(bridge.send(bridge.request(location).GET()));
      if ("complete".equals(batch.get("status").getStringValue())) {
        return batch;
      }
      Thread.sleep(POLL);
    }
    throw new IllegalStateException("the batch did not complete within an hour: " + location);
  }
}
