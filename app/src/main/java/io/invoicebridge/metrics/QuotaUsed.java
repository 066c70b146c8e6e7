package io.invoicebridge.metrics;

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
  public EventLine line() {
    return EventLine.named("quota_used")
        .field("minute_used_percent", minuteUsedPercent)
        .field("hour_used_percent", hourUsedPercent)
        .field("day_used_percent", dayUsedPercent)
        .metric("QuotaMinuteUsedPercent", "Percent", minuteUsedPercent)
        .metric("QuotaHourUsedPercent", "Percent", hourUsedPercent)
        .metric("QuotaDayUsedPercent", "Percent", dayUsedPercent);
  }
}
