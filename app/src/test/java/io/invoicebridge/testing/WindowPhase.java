package io.invoicebridge.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * The window phase ({@code Quota.PHASE_PROPERTY} in the bridge, {@link FakeFreee#windowPhase} in
 * the fake) that puts an instant at a chosen time of freee's day, so a test or a benchmark runs "at
 * 00:00:05Z" or "at 23:59:55Z" without waiting for it.
 */
public final class WindowPhase {

  private WindowPhase() {}

  /**
   * The phase that makes {@code now} fall at {@code timeOfDayUtc} of a day shortened {@code scale}
   * times (the hours of that day shortened alike).
   */
  public static Duration placing(Instant now, LocalTime timeOfDayUtc, int scale) {
    long dayMs = Duration.ofDays(1).toMillis() / scale;
    long targetMs = timeOfDayUtc.toNanoOfDay() / 1_000_000 / scale;
    return Duration.ofMillis(Math.floorMod(targetMs - now.toEpochMilli(), dayMs));
  }
}
