package io.invoicebridge.quota;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * freee's rate-limit header names and their parsing, over an answer's header lookup (resets are
 * ISO-8601 timestamps).
 */
public final class RateLimitHeaders {

  public static final String RETRY_AFTER = "Retry-After";
  public static final String MINUTE_LIMIT = "X-Ratelimit-Limit-Minute";
  public static final String MINUTE_REMAINING = "X-Ratelimit-Remaining-Minute";
  public static final String MINUTE_RESET = "X-Ratelimit-Reset-Minute";
  public static final String HOUR_LIMIT = "X-RateLimit-Limit";
  public static final String HOUR_REMAINING = "X-RateLimit-Remaining";
  public static final String HOUR_RESET = "X-RateLimit-Reset";
  public static final String DAY_LIMIT = "X-RateLimit-Limit-Day";
  public static final String DAY_REMAINING = "X-RateLimit-Remaining-Day";
  public static final String DAY_RESET = "X-RateLimit-Reset-Day";

  private RateLimitHeaders() {}

  /** {@code Retry-After} as delay-seconds or an HTTP date, relative to {@code now}. */
  public static Optional<Instant> retryAfter(
      Function<String, Optional<String>> headers, Instant now) {
    return headers
        .apply(RETRY_AFTER)
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
  public static Integer number(Function<String, Optional<String>> headers, String header) {
    try {
      return headers.apply(header).map(Integer::valueOf).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Optional<Instant> instant(
      Function<String, Optional<String>> headers, String header) {
    return headers.apply(header).flatMap(RateLimitHeaders::iso8601);
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
