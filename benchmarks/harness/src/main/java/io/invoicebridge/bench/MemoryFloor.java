package io.invoicebridge.bench;

import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Memory: the smallest {@code -Xmx} in which one bridge, a fresh JVM each time (the Netty entry
 * point, the app's own classpath), completes a batch of N items against the fake freee (which runs
 * here, outside the measured JVM), and the peak RSS of that JVM ({@code VmHWM} in {@code
 * /proc/<pid>/status}, read after the batch). Then the same batch in a JVM sized as in a 256 MB
 * container ({@code -XX:MaxRAM=256m}, heap from the JVM's own ergonomics), whose peak RSS must stay
 * under 256 MB.
 *
 * <p>Every child JVM runs under {@code timeout}, so none outlives a broken harness.
 */
final class MemoryFloor {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(180);

  private MemoryFloor() {}

  record Outcome(boolean completed, long peakRssKb, String detail) {}

  static void run(Bench.Options options) throws Exception {
    String classpath = options.text("bridge-classpath", null);
    if (classpath == null) {
      throw new IllegalArgumentException("--bridge-classpath is required");
    }
    int items = options.integer("items", 500);
    int latencyMs = options.integer("latency-ms", 10);
    String jvmOptions = options.text("jvm-options", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    List<Integer> heaps =
        Arrays.stream(options.text("xmx-mb", "16,24,32,48,64,96,128,192").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    Path logs = Path.of(options.text("log-dir", "bench-out/memory"));
    Files.createDirectories(logs);

    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(1_000_000, Duration.ofMinutes(1)).latency(Duration.ofMillis(latencyMs));
      result("memory.items", items);
      result("memory.jvm_options", jvmOptions);
      Integer smallest = null;
      for (int heap : heaps) {
        Outcome outcome =
            batchIn(
                fake,
                classpath,
                jvmOptions + " -Xmx" + heap + "m",
                items,
                logs.resolve("xmx" + heap + ".log"));
        progress("memory: -Xmx" + heap + "m -> " + outcome);
        result("memory.xmx" + heap + "m", outcome.completed() ? "ok" : "failed");
        if (outcome.completed()) {
          smallest = heap;
          result("memory.smallest_xmx_mb", heap);
          result("memory.peak_rss_mb_at_smallest_xmx", outcome.peakRssKb() / 1024);
          break;
        }
      }
      if (smallest == null) {
        result("memory.smallest_xmx_mb", "none");
      }
      Outcome container =
          batchIn(
              fake,
              classpath,
              jvmOptions + " -XX:MaxRAM=256m",
              items,
              logs.resolve("maxram256.log"));
      progress("memory: -XX:MaxRAM=256m -> " + container);
      result("memory.maxram256.completed", container.completed());
      result("memory.maxram256.peak_rss_mb", container.peakRssKb() / 1024);
    }
  }

  /** One fresh bridge JVM with {@code jvmOptions}: start, one batch, peak RSS, stop. */
  private static Outcome batchIn(
      FakeFreee fake, String classpath, String jvmOptions, int items, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    // bounded whatever happens to this harness
    command.addAll(List.of("timeout", "--kill-after=5", "300"));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
    command.addAll(
        List.of("-XX:+ExitOnOutOfMemoryError", "-cp", classpath, "io.invoicebridge.Application"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("PORT", Integer.toString(port));
    env.put("RUN_TOKEN", BridgeServer.RUN_TOKEN);
    env.put("FREEE_CLIENT_ID", FakeFreee.CLIENT_ID);
    env.put("FREEE_CLIENT_SECRET", FakeFreee.CLIENT_SECRET);
    env.put("FREEE_REFRESH_TOKEN", fake.issueRefreshToken());
    env.put("FREEE_COMPANY_ID", Long.toString(FakeFreee.COMPANY_ID));
    env.put("FREEE_API_BASE_URL", fake.apiBaseUrl());
    env.put("FREEE_TOKEN_URL", fake.tokenUrl());
    env.put("RATE_LIMIT_PER_MINUTE", "6000"); // the setting's ceiling: practically unpaced
    env.put("CONCURRENT_FREEE_CALLS", "4");
    env.put("REQUEST_TIMEOUT_MS", Long.toString(BATCH_TIMEOUT.minusSeconds(30).toMillis()));
    env.put("MAX_BATCH_SIZE", Integer.toString(items));
    env.remove("REDIS_URL");
    env.remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    try {
      ProcessHandle jvm = jvmOf(process);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      URI base = URI.create("http://127.0.0.1:" + port);
      if (!awaitHealthy(http, base, process)) {
        return new Outcome(false, peakRssKb(jvm), "did not start: " + lastLine(log));
      }
      HttpResponse<String> response;
      try {
        response =
            http.send(
                HttpRequest.newBuilder(base.resolve("/v1/invoices/batch"))
                    .timeout(BATCH_TIMEOUT)
                    .header("Authorization", "Bearer " + BridgeServer.RUN_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            TestItems.batch("mem-" + port, items, 101)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return new Outcome(false, peakRssKb(jvm), "no answer (" + e + "): " + lastLine(log));
      }
      long peak = peakRssKb(jvm);
      if (response.statusCode() != 200) {
        return new Outcome(false, peak, "status " + response.statusCode());
      }
      JsonNode json = BridgeServer.json(response);
      int created = json.get("summary").get("created").getIntValue();
      boolean complete = json.get("complete").getBooleanValue() && created == items;
      return new Outcome(complete, peak, "created " + created);
    } finally {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  /** The java process under {@code timeout}. */
  private static ProcessHandle jvmOf(Process process) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Optional<ProcessHandle> child = process.children().findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(20);
    }
    return process.toHandle();
  }

  private static boolean awaitHealthy(HttpClient http, URI base, Process process)
      throws InterruptedException {
    long until = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < until && process.isAlive()) {
      try {
        HttpResponse<Void> health =
            http.send(
                HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** VmHWM (peak resident set) in kB, or -1 once the process is gone. */
  private static long peakRssKb(ProcessHandle jvm) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process has exited
    }
    return -1;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.isEmpty() ? "" : lines.getLast();
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
