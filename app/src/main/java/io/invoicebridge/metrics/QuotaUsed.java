package io.invoicebridge.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The share of freee's windows spent, in percent (0-100), from the rate-limit headers of freee's
 * last answer; a window freee did not report is null and left out.
 */
public record QuotaUsed(Double minuteUsedPercent, Double hourUsedPercent, Double dayUsedPercent)
    implements OperationalEvent {

  /** The percent spent of a window, or null when freee did not send both numbers. */
  public static Double percent(Integer remaining, Integer limit) {
    if (remaining == null || limit == null || limit <= 0) {
      return null;
    }
    double used = 100.0 * (limit - Math.max(0, remaining)) / limit;
    return Math.round(used * 10) / 10.0;
  }

  public boolean empty() {
    return minuteUsedPercent == null && hourUsedPercent == null && dayUsedPercent == null;
  }

  @Override
  public String name() {
    return "quota_used";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("minute_used_percent", minuteUsedPercent)
        .with("hour_used_percent", hourUsedPercent)
        .with("day_used_percent", dayUsedPercent)
        .build();
  }

  @Override
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>(3);
    add(metrics, "QuotaMinuteUsedPercent", minuteUsedPercent);
    add(metrics, "QuotaHourUsedPercent", hourUsedPercent);
    add(metrics, "QuotaDayUsedPercent", dayUsedPercent);
    return metrics;
  }

  private static void add(List<Metric> metrics, String name, Double percent) {
    if (percent != null) {
      metrics.add(new Metric(name, "Percent", percent));
    }
  }
}
