package io.invoicebridge.bench;

import static io.invoicebridge.bench.Bench.progress;
import static io.invoicebridge.bench.Bench.result;

import io.invoicebridge.quota.Quota;
import io.invoicebridge.testing.FakeFreee;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Hour-window fidelity: the rate-limit fidelity run for freee's hour, with every window shortened
 * by the same scale in the fake and in the bridges (the code path of a real hour). Three instances
 * share one redis-server and a fake freee with freee's 30 a minute and 1,500 an hour; each is kept
 * busy through one whole aligned hour, and the share of the hour's limit freee answered in that
 * hour is counted from the fake's own arrival times, its 429s from its own counter.
 */
final class HourFidelity {

  private HourFidelity() {}

  static void run(Bench.Options options) throws Exception {
    BusyBridges.Fleet fleet = BusyBridges.Fleet.of(options);
    int scale = options.integer("scale", 120);
    int perMinute = options.integer("per-minute", 30);
    int perHour = options.integer("per-hour", 1500);
    Duration hour = Duration.ofHours(1).dividedBy(scale);

    try (FakeFreee fake = FakeFreee.start()) {
      fake.rateLimit(perMinute, Duration.ofMinutes(1).dividedBy(scale))
          .hourLimit(perHour, hour)
          .latency(Duration.ofMillis(fleet.latencyMs()));
      Map<String, Object> settings = BusyBridges.settings(perMinute, fleet.concurrency(), 20000);
      settings.put("bridge.rate-limit-per-hour", Integer.toString(perHour));
      settings.put("bridge.rate-limit-per-day", "8640000");
      settings.put(Quota.SCALE_PROPERTY, Integer.toString(scale));
      try (BusyBridges bridges = BusyBridges.start(fake, settings, fleet.instances())) {
        // The measured hour is the first whole one after the instances are busy.
        Instant hourStart = nextPeriodStart(Instant.now().plusSeconds(1), hour);
        Instant hourEnd = hourStart.plus(hour);
        progress(
            "hour fidelity: "
                + fleet.instances()
                + " instances, hour of "
                + hour.toSeconds()
                + " s");
        long stopAt = System.nanoTime() + Duration.between(Instant.now(), hourEnd).toNanos();
        bridges.keepBusy("h", fleet.batchSize(), stopAt);
        report(options.text("label", "hour"), fake, perHour, hour, hourStart, hourEnd);
      }
    }
  }

  private static Instant nextPeriodStart(Instant after, Duration period) {
    long ms = period.toMillis();
    long at = after.toEpochMilli();
    return Instant.ofEpochMilli(at - Math.floorMod(at, ms) + ms);
  }

  private static void report(
      String label,
      FakeFreee fake,
      int perHour,
      Duration hour,
      Instant hourStart,
      Instant hourEnd) {
    long arrived =
        fake.apiCallTimes().stream()
            .filter(t -> !t.isBefore(hourStart) && t.isBefore(hourEnd))
            .count();
    long refusedInHour =
        fake.rateLimitRefusals().stream()
            .filter(r -> !r.at().isBefore(hourStart) && r.at().isBefore(hourEnd))
            .count();
    long answered = arrived - refusedInHour;
    result(label + ".per_hour", perHour);
    result(label + ".hour_seconds", hour.toSeconds());
    result(label + ".answered_in_hour", answered);
    result(label + ".share_of_hour_limit", String.format("%.3f", (double) answered / perHour));
    result(label + ".rate_limited_429", fake.rateLimitedCount());
  }
}
