package io.invoicebridge.bench.coldstart;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The runs of one benchmark, per JVM option set and row, and the markdown table of them. */
final class Results {

  private final List<Entry> entries;
  private final List<String> optionSets;
  private final Map<String, List<ColdRun>> runs = new HashMap<>();

  Results(List<Entry> entries, List<String> optionSets) {
    this.entries = entries;
    this.optionSets = optionSets;
  }

  void add(String options, String entry, ColdRun run) {
    runs.computeIfAbsent(options + "/" + entry, k -> new ArrayList<>()).add(run);
  }

  void print(PrintStream out, int runsPerRow) {
    out.println(
        "Runs per row: "
            + runsPerRow
            + " after one warm-up round, interleaved; fresh JVM each, from spawn to the first"
            + " answer; init ends when the function is ready for its first event. Rows ending in"
            + " -aot are built with Micronaut AOT; ratios are to the minimal function of the same"
            + " platform, options and run, built without AOT (what Micronaut Launch gives) and"
            + " with AOT (like for like).");
    out.println();
    out.println(
        "| row | JVM options | median ms | min ms | init median ms | first invoke median ms |"
            + " median / minimal's | min / minimal's | median / minimal's with AOT |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (String options : optionSets) {
      for (Entry entry : entries) {
        List<ColdRun> row = runs(options, entry.name());
        if (row.isEmpty()) {
          continue;
        }
        List<ColdRun> base = runs(options, entry.baseline());
        List<ColdRun> aotBase = runs(options, entry.aotBaseline());
        long median = median(row, ColdRun::totalMs);
        long min = min(row);
        out.printf(
            "| %s | %s | %d | %d | %d | %d | %s | %s | %s |%n",
            entry.name(),
            label(options),
            median,
            min,
            median(row, ColdRun::initMs),
            median(row, ColdRun::invokeMs),
            base.isEmpty() ? "" : ratio(median, median(base, ColdRun::totalMs)),
            base.isEmpty() ? "" : ratio(min, min(base)),
            aotBase.isEmpty() ? "" : ratio(median, median(aotBase, ColdRun::totalMs)));
      }
    }
  }

  private List<ColdRun> runs(String options, String entry) {
    return runs.getOrDefault(options + "/" + entry, List.of());
  }

  private static String label(String options) {
    return options.equals("deployed")
        ? "`" + FunctionColdStart.DEPLOYED_OPTIONS + "` (the Terraform module's)"
        : "(none)";
  }

  private static long median(List<ColdRun> runs, ToLongFunction<ColdRun> value) {
    long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static long min(List<ColdRun> runs) {
    return runs.stream().mapToLong(ColdRun::totalMs).min().orElseThrow();
  }

  private static String ratio(long value, long baseline) {
    return String.format("%.2f×", (double) value / baseline);
  }
}
