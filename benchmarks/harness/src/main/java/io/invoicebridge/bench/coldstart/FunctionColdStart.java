package io.invoicebridge.bench.coldstart;

import static io.invoicebridge.bench.coldstart.Entry.Platform.AWS_LAMBDA;
import static io.invoicebridge.bench.coldstart.Entry.Platform.GCP_INVOKER;
import static io.invoicebridge.bench.coldstart.Entry.Request.health;

import io.invoicebridge.bench.coldstart.Entry.Request;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.deployed.LambdaSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cold start as each platform starts a function: AWS's runtime interface client (against the
 * Runtime API stand-in) and Google's invoker, for our packages and for a minimal Micronaut function
 * of each platform built with the same Micronaut version and entry class. Runs are interleaved
 * (every row once per round, after one discarded warm-up round) so a load spike on a shared machine
 * falls on all rows alike; each row is compared with its minimal function of the same run.
 */
public final class FunctionColdStart {

  /** What the Terraform module sets on Lambda ({@code JAVA_TOOL_OPTIONS}). */
  static final String DEPLOYED_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  static final String RUN_TOKEN = "cold-start-run-token-0123456789abcdef";

  /** The handler a Micronaut Launch function for a function URL names (the minimal function's). */
  static final String MICRONAUT_HANDLER =
      "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";

  /** Ours (adapters-aws): a subclass of {@link #MICRONAUT_HANDLER}; the Terraform module's. */
  static final String OUR_HANDLER = "io.invoicebridge.adapters.aws.InvoiceBridgeHandler";

  static final String GCP_TARGET = "io.micronaut.gcp.function.http.HttpFunction";

  private FunctionColdStart() {}

  /**
   * Runs the rounds and prints the markdown table. {@code paths}: {@code lambda-runtime}, {@code
   * aws-package}, {@code aws-minimal}, {@code invoker}, {@code gcp-package}, {@code gcp-minimal},
   * {@code out}; optional: the same packages built with Micronaut AOT ({@code aws-package-aot},
   * {@code aws-minimal-aot}, {@code gcp-package-aot}, {@code gcp-minimal-aot}; each adds its rows),
   * {@code rows} (a comma-separated subset of the row names, for a quick look) and {@code
   * extra-jvm-options}, added to every JVM for a breakdown (such as {@code
   * -Xlog:class+load:file=/tmp/{entry}.classes}; {@code {entry}} becomes the row's name).
   */
  public static void run(Map<String, String> paths, int runs, List<String> optionSets)
      throws Exception {
    Path out = Files.createDirectories(Path.of(paths.get("out")));
    List<Entry> entries = selected(entries(paths), paths.get("rows"));
    Map<String, Path> taskRoots = unpackLambdaPackages(entries, out);
    Results results = new Results(entries, optionSets);
    try (PrintWriter raw = new PrintWriter(Files.newBufferedWriter(out.resolve("runs.tsv")))) {
      raw.println("round\toptions\tentry\tinit_ms\tinvoke_ms\ttotal_ms");
      for (int round = 0; round <= runs; round++) {
        for (String options : optionSets) {
          for (Entry entry : entries) {
            ColdRun run = once(entry, options, paths, taskRoots, out);
            String line = round + "\t" + options + "\t" + entry.name() + "\t" + run.initMs();
            raw.println(line + "\t" + run.invokeMs() + "\t" + run.totalMs());
            raw.flush();
            System.err.println("[cold-start] " + line + " +" + run.invokeMs());
            if (round > 0) {
              results.add(options, entry.name(), run);
            }
          }
        }
      }
    }
    results.print(System.out, runs);
  }

  private static ColdRun once(
      Entry entry, String options, Map<String, String> paths, Map<String, Path> roots, Path out)
      throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RUN_TOKEN", RUN_TOKEN);
    env.put("FREEE_DRY_RUN", "true");
    String toolOptions =
        ((options.equals("deployed") ? DEPLOYED_OPTIONS : "")
                + " "
                + paths.getOrDefault("extra-jvm-options", "").replace("{entry}", entry.name()))
            .strip();
    if (!toolOptions.isEmpty()) {
      env.put("JAVA_TOOL_OPTIONS", toolOptions);
    }
    Path log = out.resolve(entry.name() + ".log");
    return switch (entry.platform()) {
      case AWS_LAMBDA ->
          LambdaColdRun.run(
              Path.of(paths.get("lambda-runtime")),
              roots.get(entry.name()),
              entry.entryPoint(),
              entry.request(),
              env,
              log);
      case GCP_INVOKER -> {
        env.put("K_SERVICE", "invoice-bridge");
        env.put("K_REVISION", "invoice-bridge-00001-abc");
        env.put("FUNCTION_TARGET", entry.entryPoint());
        yield InvokerColdRun.run(
            Path.of(paths.get("invoker")),
            entry.functionPackage(),
            entry.entryPoint(),
            entry.request(),
            env,
            log);
      }
    };
  }

  private static List<Entry> entries(Map<String, String> paths) {
    List<Entry> entries = new ArrayList<>();
    entries.addAll(platformRows("aws", AWS_LAMBDA, MICRONAUT_HANDLER, OUR_HANDLER, paths));
    entries.addAll(platformRows("gcp", GCP_INVOKER, GCP_TARGET, GCP_TARGET, paths));
    return entries;
  }

  /**
   * A platform's minimal function and our package's two first requests, built without Micronaut AOT
   * and, when those packages are given, with it.
   */
  private static List<Entry> platformRows(
      String platform,
      Entry.Platform runtime,
      String minimalEntryPoint,
      String ourEntryPoint,
      Map<String, String> paths) {
    List<Entry> rows = new ArrayList<>();
    for (String variant : List.of("", "-aot")) {
      String minimal = paths.get(platform + "-minimal" + variant);
      String ours = paths.get(platform + "-package" + variant);
      if (minimal != null) {
        rows.add(row(platform, "minimal" + variant, runtime, minimal, minimalEntryPoint, health()));
      }
      if (ours != null) {
        rows.add(row(platform, "health" + variant, runtime, ours, ourEntryPoint, health()));
        rows.add(row(platform, "batch" + variant, runtime, ours, ourEntryPoint, firstBatch()));
      }
    }
    return rows;
  }

  private static Entry row(
      String platform,
      String what,
      Entry.Platform runtime,
      String functionPackage,
      String entryPoint,
      Request request) {
    return new Entry(
        platform + "-" + what,
        runtime,
        Path.of(functionPackage),
        entryPoint,
        request,
        platform + "-minimal",
        platform + "-minimal-aot");
  }

  private static List<Entry> selected(List<Entry> entries, String rows) {
    if (rows == null || rows.isBlank()) {
      return entries;
    }
    List<String> names = List.of(rows.split(","));
    return entries.stream().filter(entry -> names.contains(entry.name())).toList();
  }

  /** A dry-run batch of two invoices: what a first caller of a new deployment sends. */
  private static Request firstBatch() {
    return new Request(
        "POST",
        "/v1/invoices/batch",
        Invoices.batchOf("2026-11/cold-start", 2),
        Map.of("Authorization", "Bearer " + RUN_TOKEN, "Content-Type", "application/json"));
  }

  /** Each AWS package unpacked once, as Lambda unpacks it into /var/task. */
  private static Map<String, Path> unpackLambdaPackages(List<Entry> entries, Path out)
      throws IOException {
    Path tasks = out.resolve("tasks");
    if (Files.exists(tasks)) {
      try (Stream<Path> old = Files.walk(tasks)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Map<String, Path> roots = new LinkedHashMap<>();
    Map<Path, Path> byPackage = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (entry.platform() == AWS_LAMBDA) {
        Path jar = entry.functionPackage();
        Path root =
            byPackage.computeIfAbsent(
                jar, j -> LambdaSandbox.unpack(j, tasks.resolve("task-" + byPackage.size())));
        roots.put(entry.name(), root);
      }
    }
    return roots;
  }
}
