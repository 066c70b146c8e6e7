package io.invoicebridge.freee;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** freee's rate-limit header names and their parsing (resets are ISO-8601 timestamps). */
final class RateLimitHeaders {

  static final String RETRY_AFTER = "Retry-After";
  static final String MINUTE_LIMIT = "X-Ratelimit-Limit-Minute";
  static final String MINUTE_REMAINING = "X-Ratelimit-Remaining-Minute";
  static final String MINUTE_RESET = "X-Ratelimit-Reset-Minute";
  static final String HOUR_LIMIT = "X-RateLimit-Limit";
  static final String HOUR_REMAINING = "X-RateLimit-Remaining";
  static final String HOUR_RESET = "X-RateLimit-Reset";
  static final String DAY_LIMIT = "X-RateLimit-Limit-Day";
  static final String DAY_REMAINING = "X-RateLimit-Remaining-Day";
  static final String DAY_RESET = "X-RateLimit-Reset-Day";

  private RateLimitHeaders() {}

  /** {@code Retry-After} as delay-seconds or an HTTP date, relative to {@code now}. */
  static Optional<Instant> retryAfter(FreeeAnswer answer, Instant now) {
    return answer
        .header(RETRY_AFTER)
        .flatMap(
            value -> {
              try {
                return Optional.of(now.plus(Duration.ofSeconds(Long.parseLong(value))));
              } catch (NumberFormatException notSeconds) {
                return httpDate(value);
              }
            });
  }

  @Nullable
  static Integer number(FreeeAnswer answer, String header) {
    try {
      return answer.header(header).map(Integer::valueOf).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Optional<Instant> instant(FreeeAnswer answer, String header) {
    return answer.header(header).flatMap(RateLimitHeaders::iso8601);
  }

  private static Optional<Instant> iso8601(String value) {
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException notUtc) {
      try {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Instant> httpDate(String value) {
    try {
      return Optional.of(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
