package io.invoicebridge.bench;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
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
 * Instances of the bridge (each a Micronaut context and Netty server in this one JVM) sharing one
 * redis-server, emptied first, and one fake freee, each kept busy with batches on its own thread
 * until a moment the fidelity runs choose.
 */
final class BusyBridges implements AutoCloseable {

  private final List<BridgeServer> bridges = new ArrayList<>();
  private final ExecutorService drivers;
  private final AtomicInteger created = new AtomicInteger();

  /**
   * The options both fidelity runs share: how many instances, the fake's latency per call, each
   * instance's concurrent freee calls and the items a batch.
   */
  record Fleet(int instances, int latencyMs, int concurrency, int batchSize) {

    static Fleet of(Bench.Options options) {
      return new Fleet(
          options.integer("instances", 3),
          options.integer("latency-ms", 50),
          options.integer("concurrency", 2),
          options.integer("batch", 40));
    }
  }

  private BusyBridges(int instances) {
    this.drivers = Executors.newFixedThreadPool(instances);
  }

  /**
   * The settings every instance shares: the redis-server, the rate per minute, the concurrent freee
   * calls and the request deadline; a run adds its own.
   */
  static Map<String, Object> settings(int perMinute, int concurrency, int requestTimeoutMs) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("bridge.redis-url", RedisServerExtension.url().toString());
    overrides.put("bridge.rate-limit-per-minute", Integer.toString(perMinute));
    overrides.put("bridge.concurrent-freee-calls", Integer.toString(concurrency));
    overrides.put("bridge.request-timeout-ms", Integer.toString(requestTimeoutMs));
    return overrides;
  }

  /** Empties the redis-server and starts {@code instances} bridges with these settings. */
  static BusyBridges start(FakeFreee fake, Map<String, Object> settings, int instances) {
    RedisServerExtension.admin().flushAll();
    String seed = fake.issueRefreshToken();
    BusyBridges started = new BusyBridges(instances);
    try {
      for (int i = 0; i < instances; i++) {
        started.bridges.add(BridgeServer.start(fake, seed, settings));
      }
      return started;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  /**
   * Keeps every instance busy until {@code stopAt} ({@link System#nanoTime()}), its batches'
   * references starting with {@code prefix} and its number; returns when each got its last answer.
   */
  List<Instant> keepBusy(String prefix, int batchSize, long stopAt) throws Exception {
    List<Future<Instant>> lastAnswers = new ArrayList<>();
    for (int i = 0; i < bridges.size(); i++) {
      BridgeServer bridge = bridges.get(i);
      String instancePrefix = prefix + i;
      lastAnswers.add(drivers.submit(() -> keepBusy(bridge, instancePrefix, batchSize, stopAt)));
    }
    List<Instant> lasts = new ArrayList<>();
    for (Future<Instant> last : lastAnswers) {
      lasts.add(last.get());
    }
    return lasts;
  }

  /** The invoices the instances created so far. */
  int created() {
    return created.get();
  }

  /** Posts batch after batch until {@code stopAt}; returns when the last answer arrived. */
  private Instant keepBusy(BridgeServer bridge, String prefix, int batchSize, long stopAt) {
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

  @Override
  public void close() {
    drivers.shutdownNow();
    bridges.forEach(BridgeServer::close);
  }
}
