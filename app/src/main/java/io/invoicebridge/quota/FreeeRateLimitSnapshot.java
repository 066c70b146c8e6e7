package io.invoicebridge.quota;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rate-limit headroom freee reported in the last answer that carried its headers, for preflight
 * and health. A field is null when freee did not send that header.
 *
 * @param seenAt when the answer arrived
 */
public record FreeeRateLimitSnapshot(
    Instant seenAt,
    @Nullable Integer minuteRemaining,
    @Nullable Integer minuteLimit,
    @Nullable Instant minuteReset,
    @Nullable Integer hourRemaining,
    @Nullable Integer hourLimit,
    @Nullable Instant hourReset,
    @Nullable Integer dayRemaining,
    @Nullable Integer dayLimit,
    @Nullable Instant dayReset) {

  public static FreeeRateLimitSnapshot from(
      Function<String, Optional<String>> headers, Instant seenAt) {
    return new FreeeRateLimitSnapshot(
        seenAt,
        RateLimitHeaders.number(headers, RateLimitHeaders.MINUTE_REMAINING),
        RateLimitHeaders.number(headers, RateLimitHeaders.MINUTE_LIMIT),
        RateLimitHeaders.instant(headers, RateLimitHeaders.MINUTE_RESET).orElse(null),
        RateLimitHeaders.number(headers, RateLimitHeaders.HOUR_REMAINING),
        RateLimitHeaders.number(headers, RateLimitHeaders.HOUR_LIMIT),
        RateLimitHeaders.instant(headers, RateLimitHeaders.HOUR_RESET).orElse(null),
        RateLimitHeaders.number(headers, RateLimitHeaders.DAY_REMAINING),
        RateLimitHeaders.number(headers, RateLimitHeaders.DAY_LIMIT),
        RateLimitHeaders.instant(headers, RateLimitHeaders.DAY_RESET).orElse(null));
  }

  public boolean empty() {
    return minuteRemaining == null
        && minuteLimit == null
        && hourRemaining == null
        && hourLimit == null
        && dayRemaining == null
        && dayLimit == null;
  }

  /** The windows whose remaining calls and reset freee reported. */
  public List<QuotaReport> reports() {
    List<QuotaReport> reports = new ArrayList<>();
    add(reports, Window.MINUTE, minuteLimit, minuteRemaining, minuteReset);
    add(reports, Window.HOUR, hourLimit, hourRemaining, hourReset);
    add(reports, Window.DAY, dayLimit, dayRemaining, dayReset);
    return reports;
  }

  private static void add(
      List<QuotaReport> reports,
      Window window,
      @Nullable Integer limit,
      @Nullable Integer remaining,
      @Nullable Instant reset) {
    if (remaining != null && reset != null) {
      reports.add(new QuotaReport(window, limit == null ? 0 : limit, remaining, reset));
    }
  }
}
