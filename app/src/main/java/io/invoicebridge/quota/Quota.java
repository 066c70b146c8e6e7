package io.invoicebridge.quota;

import io.invoicebridge.timing.Lane;
import java.time.Duration;
import java.time.Instant;

/**
 * The configured limits of freee's three windows ({@code RATE_LIMIT_PER_MINUTE}, {@code
 * RATE_LIMIT_PER_HOUR}, {@code RATE_LIMIT_PER_DAY}) and the share of the hour and the day that
 * queued work leaves to interactive requests ({@code RATE_LIMIT_INTERACTIVE_SHARE_PERCENT}).
 * Windows are aligned on the epoch (freee's hour resets on the hour, its day at 00:00Z). Two knobs
 * exist for tests only: {@code scale} divides the windows' lengths so an hour runs in seconds, and
 * {@code phase} moves their boundaries so a test can begin at any time of day without waiting for
 * it (a period starts where {@code at + phase} is aligned).
 */
public record Quota(
    int perMinute,
    int perHour,
    int perDay,
    int interactiveSharePercent,
    int scale,
    Duration phase) {

  /**
   * Divides every window's length, e.g. {@code 360} turns the hour into 10 s. Not an operator
   * setting (the docs and {@code application.yml} leave it out): tests shorten the windows with it.
   */
  public static final String SCALE_PROPERTY = "bridge.quota-window-scale";

  /** Milliseconds added to the time before windows are aligned: tests begin at any time of day. */
  public static final String PHASE_PROPERTY = "bridge.quota-window-phase-ms";

  /** Share of the hour's and the day's limit kept for reconciliation look-ups: 1 call in 50. */
  private static final int RESERVE_DIVISOR = 50;

  public Quota {
    if (perMinute < 1 || perHour < 1 || perDay < 1 || scale < 1) {
      throw new IllegalArgumentException("limits and scale must be positive");
    }
    if (interactiveSharePercent < 0 || interactiveSharePercent > 100) {
      throw new IllegalArgumentException("the interactive share is a percentage");
    }
  }

  /** The three limits, no interactive share, real windows. */
  public static Quota of(int perMinute, int perHour, int perDay) {
    return new Quota(perMinute, perHour, perDay, 0, 1, Duration.ZERO);
  }

  /** Only the minute limits; the hour and the day never bind. */
  public static Quota perMinuteOnly(int perMinute) {
    return of(perMinute, 1_000_000_000, 1_000_000_000);
  }

  public Quota withInteractiveShare(int percent) {
    return new Quota(perMinute, perHour, perDay, percent, scale, phase);
  }

  public Quota withPhase(Duration newPhase) {
    return new Quota(perMinute, perHour, perDay, interactiveSharePercent, scale, newPhase);
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
    return Instant.ofEpochMilli(ms - Math.floorMod(ms + phase.toMillis(), lengthMs));
  }

  /**
   * Calls of a window's {@code limit} that creates leave to reconciliation look-ups, so an
   * uncertain item can always be checked before anything is created again: one in 50, at least one
   * (none when the limit is a single call).
   */
  public static int reserveOf(int limit) {
    return limit < 2 ? 0 : Math.max(1, limit / RESERVE_DIVISOR);
  }

  /**
   * The most of a window's {@code limit} a call of {@code kind} in {@code lane} may bring the count
   * to: look-ups the whole limit; creates stop short of the look-ups' reserve; queued creates also
   * leave the interactive share, rounded down, so a person's invoice finds room in every window.
   */
  public int capFor(CallKind kind, Lane lane, int limit) {
    if (kind == CallKind.LOOKUP) {
      return limit;
    }
    int cap = limit - reserveOf(limit);
    return lane == Lane.QUEUED ? cap - limit * interactiveSharePercent / 100 : cap;
  }
}
