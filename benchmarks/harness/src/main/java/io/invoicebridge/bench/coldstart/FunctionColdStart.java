package io.invoicebridge.bench.coldstart;

import io.invoicebridge.bench.coldstart.Entry.Platform;
import io.invoicebridge.bench.coldstart.Entry.Request;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.deployed.LambdaSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private FunctionColdStart() {}

  /**
   * Runs the rounds and prints the markdown table. {@code paths}: {@code lambda-runtime}, {@code
   * aws-package}, {@code aws-minimal}, {@code invoker}, {@code gcp-package}, {@code gcp-minimal},
   * {@code out}.
   */
  public static void run(Map<String, String> paths, int runs, List<String> optionSets)
      throws Exception {
    Path out = Files.createDirectories(Path.of(paths.get("out")));
    List<Entry> entries = entries(paths);
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
    if (options.equals("deployed")) {
      env.put("JAVA_TOOL_OPTIONS", DEPLOYED_OPTIONS);
    }
    Path log = out.resolve(entry.name() + ".log");
    return switch (entry.platform()) {
      case AWS_LAMBDA ->
          LambdaColdRun.run(
              Path.of(paths.get("lambda-runtime")),
              roots.get(entry.name()),
              entry.request(),
              env,
              log);
      case GCP_INVOKER -> {
        env.put("K_SERVICE", "invoice-bridge");
        env.put("K_REVISION", "invoice-bridge-00001-abc");
        env.put("FUNCTION_TARGET", "io.micronaut.gcp.function.http.HttpFunction");
        yield InvokerColdRun.run(
            Path.of(paths.get("invoker")), entry.functionPackage(), entry.request(), env, log);
      }
    };
  }

  private static List<Entry> entries(Map<String, String> paths) {
    Path aws = Path.of(paths.get("aws-package"));
    Path gcp = Path.of(paths.get("gcp-package"));
    Request batch = firstBatch();
    List<Entry> entries = new ArrayList<>();
    entries.add(
        new Entry(
            "aws-minimal",
            Platform.AWS_LAMBDA,
            Path.of(paths.get("aws-minimal")),
            Request.health(),
            "aws-minimal"));
    entries.add(new Entry("aws-health", Platform.AWS_LAMBDA, aws, Request.health(), "aws-minimal"));
    entries.add(new Entry("aws-batch", Platform.AWS_LAMBDA, aws, batch, "aws-minimal"));
    entries.add(
        new Entry(
            "gcp-minimal",
            Platform.GCP_INVOKER,
            Path.of(paths.get("gcp-minimal")),
            Request.health(),
            "gcp-minimal"));
    entries.add(
        new Entry("gcp-health", Platform.GCP_INVOKER, gcp, Request.health(), "gcp-minimal"));
    entries.add(new Entry("gcp-batch", Platform.GCP_INVOKER, gcp, batch, "gcp-minimal"));
    return entries;
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
    Map<String, Path> roots = new LinkedHashMap<>();
    Map<Path, Path> byPackage = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (entry.platform() == Platform.AWS_LAMBDA) {
        Path jar = entry.functionPackage();
        Path root =
            byPackage.computeIfAbsent(
                jar, j -> LambdaSandbox.unpack(j, out.resolve("task-" + byPackage.size())));
        roots.put(entry.name(), root);
      }
    }
    return roots;
  }
}
