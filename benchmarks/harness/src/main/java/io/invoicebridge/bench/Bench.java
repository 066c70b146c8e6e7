package io.invoicebridge.bench;

import io.invoicebridge.bench.coldstart.FunctionColdStart;
import io.invoicebridge.testing.RedisServerExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's one entry point, run by {@code scripts/bench.sh}:
 *
 * <pre>
 *   java -cp ... io.invoicebridge.bench.Bench throughput [--redis true] [--items 500] ...
 *   java -cp ... io.invoicebridge.bench.Bench fidelity [--duration-s 60] ...
 *   java -cp ... io.invoicebridge.bench.Bench month-end [--items 500,2000] [--times 00:00:05,...]
 *   java -cp ... io.invoicebridge.bench.Bench month-end-deployed [--times 00:00:05,...]
 *   java -cp ... io.invoicebridge.bench.Bench memory --bridge-classpath CP [--xmx-mb 32,48,...] ...
 *   java -cp ... io.invoicebridge.bench.Bench cold-start --lambda-runtime DIR --aws-package JAR
 *       --aws-minimal JAR --invoker JAR --gcp-package JAR --gcp-minimal JAR --out DIR [--runs 7]
 *       [--option-sets deployed,none] [--aws-package-aot JAR] [--aws-minimal-aot JAR]
 *       [--gcp-package-aot JAR] [--gcp-minimal-aot JAR] [--rows aws-minimal,aws-health-aot,...]
 * </pre>
 *
 * Results are lines {@code BENCH name=value} on stdout (the bridge's own log lines go there too);
 * progress goes to stderr. Everything listens on 127.0.0.1 only, and every process this starts is
 * stopped before it exits (a shutdown hook covers a SIGTERM from the script's timeout).
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException(
          "usage: Bench throughput|fidelity|hour-fidelity|month-end|month-end-deployed|async|memory"
              + " [--name value]...");
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    Options opts = new Options(options);
    Runtime.getRuntime().addShutdownHook(new Thread(RedisServerExtension::stop, "stop-redis"));
    switch (args[0]) {
      case "throughput" -> Throughput.run(opts);
      case "async" -> AsyncThroughput.run(opts);
      case "fidelity" -> RateLimitFidelity.run(opts);
      case "hour-fidelity" -> HourFidelity.run(opts);
      case "month-end" -> MonthEnd.run(opts);
      case "month-end-deployed" -> MonthEndDeployed.run(opts);
      case "memory" -> MemoryFloor.run(opts);
      case "cold-start" ->
          FunctionColdStart.run(
              options,
              opts.integer("runs", 7),
              List.of(opts.text("option-sets", "deployed,none").split(",")));
      default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
    }
    // Lettuce, Netty and the fake leave non-daemon threads behind: end here, hooks included.
    System.exit(0);
  }

  /** Prints one result line for the script. */
  static void result(String name, Object value) {
    System.out.println("BENCH " + name + "=" + value);
    System.out.flush();
  }

  static void progress(String message) {
    System.err.println("[bench] " + message);
  }

  /** {@code --name value} options with defaults. */
  record Options(Map<String, String> values) {

    int integer(String name, int fallback) {
      return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    boolean flag(String name, boolean fallback) {
      return values.containsKey(name) ? Boolean.parseBoolean(values.get(name)) : fallback;
    }

    String text(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }
  }
}
