package io.invoicebridge.multi;

import static io.invoicebridge.testing.BridgeServer.json;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Several bridge instances (separate application contexts, each with its own in-process caches)
 * sharing one test Redis and one {@link FakeFreee}, as a scaled-out deployment shares Upstash and
 * freee. Closes every instance it started.
 */
final class Instances implements AutoCloseable {

  private final FakeFreee freee;
  private final List<BridgeServer> started = Collections.synchronizedList(new ArrayList<>());

  Instances(FakeFreee freee) {
    this.freee = freee;
  }

  /**
   * Starts {@code count} instances at once, all seeded with {@code refreshToken}, on the shared
   * Redis, paced generously unless {@code overrides} say otherwise.
   */
  List<BridgeServer> start(int count, String refreshToken, Map<String, Object> overrides) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bridge.redis-url", RedisServerExtension.url().toString());
    settings.put("bridge.rate-limit-per-minute", "6000");
    settings.putAll(overrides);
    return atOnce(
        IntStream.range(0, count)
            .<Callable<BridgeServer>>mapToObj(
                i ->
                    () -> {
                      BridgeServer instance = BridgeServer.start(freee, refreshToken, settings);
                      started.add(instance);
                      return instance;
                    })
            .toList());
  }

  BridgeServer startOne(String refreshToken, Map<String, Object> overrides) {
    return start(1, refreshToken, overrides).getFirst();
  }

  /** The instance goes away the way a scaled-in or crashed one does: its context closes. */
  void kill(BridgeServer instance) {
    started.remove(instance);
    instance.close();
  }

  /** Sends {@code batch} to every instance at the same moment; the answers in instance order. */
  static List<JsonNode> postToAll(List<BridgeServer> instances, String batch) {
    return atOnce(
        instances.stream()
            .<Callable<JsonNode>>map(instance -> () -> json(instance.postBatch(batch)))
            .toList());
  }

  /** Sends each instance its own batch at the same moment; the answers in instance order. */
  static List<JsonNode> postEach(List<BridgeServer> instances, List<String> batches) {
    return atOnce(
        IntStream.range(0, instances.size())
            .<Callable<JsonNode>>mapToObj(
                i -> () -> json(instances.get(i).postBatch(batches.get(i))))
            .toList());
  }

  /**
   * Sends each instance its own batch of {@code count} items at the same moment: the first keyed
   * {@code prefix-a-0 ..} for partner 101, the second {@code prefix-b-0 ..} for partner 102, and so
   * on; the answers in instance order.
   */
  static List<JsonNode> postEach(List<BridgeServer> instances, String prefix, int count) {
    return postEach(
        instances,
        IntStream.range(0, instances.size())
            .mapToObj(i -> TestItems.batch(prefix + "-" + (char) ('a' + i), count, 101 + i))
            .toList());
  }

  /**
   * A client's whole protocol: resends {@code batch} until the answer is complete (a bounded number
   * of rounds, a short pause between them), handing every answer to {@code seen}.
   */
  static JsonNode resendUntilComplete(
      BridgeServer instance, String batch, Consumer<JsonNode> seen) {
    JsonNode answer = json(instance.postBatch(batch));
    seen.accept(answer);
    for (int round = 0; round < 80 && !answer.get("complete").getBooleanValue(); round++) {
      Waits.pause(Duration.ofMillis(250));
      answer = json(instance.postBatch(batch));
      seen.accept(answer);
    }
    return answer;
  }

  /** Each result's status by key, in the answer's order. */
  static Map<String, String> statuses(JsonNode answer) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode result : answer.get("results").values()) {
      statuses.put(result.get("key").getStringValue(), result.get("status").getStringValue());
    }
    return statuses;
  }

  /** The result for {@code key} in {@code answer}. */
  static JsonNode result(JsonNode answer, String key) {
    for (JsonNode result : answer.get("results").values()) {
      if (result.get("key").getStringValue().equals(key)) {
        return result;
      }
    }
    throw new AssertionError("no result for " + key + " in " + answer);
  }

  static int readinessStatus(BridgeServer instance) {
    HttpResponse<String> answer = instance.send(instance.request("/health/readiness").GET());
    return answer.statusCode();
  }

  /** Submits {@code batch} as an asynchronous batch; it must be accepted (202). */
  static HttpResponse<String> submit(BridgeServer instance, String batch) {
    HttpResponse<String> accepted = instance.submitBatch(batch);
    if (accepted.statusCode() != 202) {
      throw new AssertionError("batch not accepted: " + accepted.statusCode() + accepted.body());
    }
    return accepted;
  }

  static String location(HttpResponse<String> accepted) {
    return accepted.headers().firstValue("Location").orElseThrow();
  }

  /** Polls until {@code condition} holds (at most ~3 minutes on a loaded machine, then fails). */
  static void await(BooleanSupplier condition) {
    Waits.until(condition, Duration.ofMinutes(3), Duration.ofMillis(100));
  }

  /** Runs every call at the same moment on its own thread; the results in order. */
  static <T> List<T> atOnce(List<Callable<T>> calls) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> pending =
          calls.stream()
              .map(
                  call ->
                      threads.submit(
                          () -> {
                            go.await();
                            return call.call();
                          }))
              .toList();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : pending) {
        results.add(get(future));
      }
      return results;
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    synchronized (started) {
      for (BridgeServer instance : started) {
        instance.close();
      }
      started.clear();
    }
  }
}
