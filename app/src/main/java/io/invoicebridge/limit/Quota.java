package io.invoicebridge.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * The configured limits of freee's three windows ({@code RATE_LIMIT_PER_MINUTE}, {@code
 * RATE_LIMIT_PER_HOUR}, {@code RATE_LIMIT_PER_DAY}). Windows are aligned on the epoch (freee's hour
 * resets on the hour, its day at 00:00Z); {@code scale} divides their lengths so tests can run an
 * hour in seconds through the same code.
 */
public record Quota(int perMinute, int perHour, int perDay, int scale) {

  /**
   * Divides every window's length, e.g. {@code 360} turns the hour into 10 s. Not an operator
   * setting (README and {@code application.yml} leave it out): tests shorten the windows with it.
   */
  public static final String SCALE_PROPERTY = "bridge.quota-window-scale";

  /** Share of the hour's and the day's limit kept for reconciliation look-ups: 1 call in 50. */
  private static final int RESERVE_DIVISOR = 50;

  public Quota {
    if (perMinute < 1 || perHour < 1 || perDay < 1 || scale < 1) {
      throw new IllegalArgumentException("limits and scale must be positive");
    }
  }

  /** Only the minute limits; the hour and the day never bind. */
  public static Quota perMinuteOnly(int perMinute) {
    return new Quota(perMinute, 1_000_000_000, 1_000_000_000, 1);
  }

  public int limit(Window window) {
    return switch (window) {
      case MINUTE -> perMinute;
      case HOUR -> perHour;
      case DAY -> perDay;
    };
  }

  public Duration length(Window window) {
    return window.length().dividedBy(scale);
  }

  /** The start of the window period holding {@code at}. */
  public Instant periodStart(Window window, Instant at) {
    long lengthMs = length(window).toMillis();
    long ms = at.toEpochMilli();
    return Instant.ofEpochMilli(ms - Math.floorMod(ms, lengthMs));
  }

  /**
   * Calls of a window's {@code limit} that creates leave to reconciliation look-ups, so an
   * uncertain item can always be checked before anything is created again: one in 50, at least one
   * (none when the limit is a single call).
   */
  public static int reserveOf(int limit) {
    return limit < 2 ? 0 : Math.max(1, limit / RESERVE_DIVISOR);
  }
}
