package io.invoicebridge.freee.token;

import io.invoicebridge.freee.token.TokenRecord.RefreshFailure;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/**
 * What health and preflight report about the freee credentials; never a token value.
 *
 * @param seeded false until the first {@code FREEE_REFRESH_TOKEN} was adopted into the store
 * @param refreshTokenAge null when not seeded
 * @param refreshTokenDaysLeft whole days until the refresh token expires (90 days from issue);
 *     negative once expired; 0 when not seeded
 * @param renewalDue true from day {@value #WARN_FROM_DAY} of the refresh token's life: re-authorize
 * @param lastFailure the last refresh failure, cleared by the next successful refresh
 * @param shared whether every instance shares the record (false in memory)
 */
public record TokenStatus(
    boolean seeded,
    @Nullable Duration refreshTokenAge,
    long refreshTokenDaysLeft,
    boolean renewalDue,
    @Nullable RefreshFailure lastFailure,
    boolean shared) {

  public static final int WARN_FROM_DAY = 80;

  static TokenStatus of(@Nullable TokenRecord record, Instant now, boolean shared) {
    if (record == null) {
      return new TokenStatus(false, null, 0, false, null, shared);
    }
    Duration age = record.refreshTokenAge(now);
    long daysLeft = TokenRecord.REFRESH_TOKEN_LIFETIME.minus(age).toDays();
    boolean due = age.compareTo(Duration.ofDays(WARN_FROM_DAY)) >= 0;
    return new TokenStatus(true, age, daysLeft, due, record.lastFailure(), shared);
  }
}
