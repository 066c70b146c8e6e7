package io.invoicebridge.freee;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * The rate-limit headroom freee reported in the last answer that carried its headers, for
 * preflight. A field is null when freee did not send that header.
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
    @Nullable Integer dayRemaining,
    @Nullable Integer dayLimit) {

  static FreeeRateLimitSnapshot from(FreeeAnswer answer, Instant seenAt) {
    return new FreeeRateLimitSnapshot(
        seenAt,
        number(answer, RateLimitHeaders.MINUTE_REMAINING),
        number(answer, RateLimitHeaders.MINUTE_LIMIT),
        RateLimitHeaders.instant(answer, RateLimitHeaders.MINUTE_RESET).orElse(null),
        number(answer, RateLimitHeaders.HOUR_REMAINING),
        number(answer, RateLimitHeaders.HOUR_LIMIT),
        number(answer, RateLimitHeaders.DAY_REMAINING),
        number(answer, RateLimitHeaders.DAY_LIMIT));
  }

  boolean empty() {
    return minuteRemaining == null
        && minuteLimit == null
        && hourRemaining == null
        && hourLimit == null
        && dayRemaining == null
        && dayLimit == null;
  }

  @Nullable
  private static Integer number(FreeeAnswer answer, String header) {
    try {
      return answer.header(header).map(Integer::valueOf).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
