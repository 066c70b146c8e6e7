package io.invoicebridge.quota;

import io.invoicebridge.timing.Lane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limiter for one instance, the same rules as {@code rate-reserve.lua}: the minute paced by a
 * generic cell rate algorithm with no burst (slots one {@code minute / limit} apart), the hour and
 * the day counted in epoch-aligned periods as budgets (spent, they quotaWait calls until their
 * reset).
 */
public final class InMemoryRateLimiter implements RateLimiter {

  /** How far under the configured rate calls are paced, in percent. */
  public static final int PACING_MARGIN_PERCENT = 2;

  private final Clock clock;
  private final Quota quota;
  private final Duration minuteInterval;
  private final Map<Window, Period> periods = new EnumMap<>(Window.class);
  private Instant nextMinuteSlot = Instant.MIN;
  private QuotaWait pause;

  /** One window's current period: calls counted and its (possibly tightened) limit. */
  private static final class Period {
    Instant start;
    Instant end;
    int used;
    int limit;
  }

  public InMemoryRateLimiter(Clock clock, Quota quota) {
    this.clock = clock;
    this.quota = quota;
    this.minuteInterval = intervalFor(quota.perMinute(), quota.length(Window.MINUTE));
  }

  public InMemoryRateLimiter(Clock clock, int callsPerMinute) {
    this(clock, Quota.perMinuteOnly(callsPerMinute));
  }

  /** {@link #intervalFor(int, Duration)} for a 60-second minute. */
  public static Duration intervalFor(int callsPerMinute) {
    return intervalFor(callsPerMinute, Duration.ofMinutes(1));
  }

  /**
   * The spacing between slots: {@code minute / limit}, widened by {@value #PACING_MARGIN_PERCENT}%
   * and rounded up to the millisecond. Pacing fixes when calls start; a few milliseconds of network
   * jitter on arrival would otherwise put one call too many into some window of freee's, so the
   * bridge runs at 98% of {@code RATE_LIMIT_PER_MINUTE} (measured by the rate-limit benchmark: 0
   * 429s instead of 6 in 600 calls, at 0.97 of the limit).
   */
  public static Duration intervalFor(int callsPerMinute, Duration minute) {
    long micros =
        Math.ceilDiv(
            minute.toNanos() / 1000 * 100, (long) callsPerMinute * (100 - PACING_MARGIN_PERCENT));
    return Duration.ofMillis(Math.ceilDiv(micros, 1000));
  }

  @Override
  public synchronized Reservation reserve(
      CallKind kind, Lane lane, Instant notAfter, List<QuotaReport> seen) {
    Instant now = clock.instant();
    for (Window window : Window.values()) {
      rollTo(window, now);
    }
    seen.forEach(this::tighten);
    Instant slot = now;
    QuotaWait binding = null;
    if (pause != null && pause.until().isAfter(slot)) {
      slot = pause.until();
      binding = pause;
    }
    if (nextMinuteSlot.isAfter(slot)) {
      slot = nextMinuteSlot;
      binding = QuotaWait.paced(Window.MINUTE, slot, quota.perMinute());
    }
    for (Window window : List.of(Window.HOUR, Window.DAY)) {
      QuotaWait quotaWait = budgetWait(window, kind, lane);
      if (quotaWait != null && quotaWait.until().isAfter(slot)) {
        slot = quotaWait.until();
        binding = quotaWait;
      }
    }
    if (slot.isAfter(notAfter)) {
      return binding == null ? new Reservation.NoTime() : new Reservation.MustWait(binding);
    }
    if (lane == Lane.QUEUED && slot.isAfter(now.plus(minuteInterval))) {
      return new Reservation.Later(slot.minus(minuteInterval));
    }
    commit(slot);
    return new Reservation.Slot(slot);
  }

  /** Until when {@code window}'s budget holds a call; null while the budget has room for it. */
  private QuotaWait budgetWait(Window window, CallKind kind, Lane lane) {
    Period period = periods.get(window);
    if (period.used >= quota.capFor(kind, Lane.INTERACTIVE, period.limit)) {
      return QuotaWait.spent(window, period.end, period.limit);
    }
    if (period.used >= quota.capFor(kind, lane, period.limit)) {
      return QuotaWait.interactiveShare(window, period.end, period.limit);
    }
    return null;
  }

  private void commit(Instant slot) {
    nextMinuteSlot = slot.plus(minuteInterval);
    for (Window window : Window.values()) {
      rollTo(window, slot).used++;
    }
  }

  private void tighten(QuotaReport report) {
    Period period = periods.get(report.window());
    Duration tolerance = quota.length(report.window()).dividedBy(100);
    if (Duration.between(period.end, report.reset()).abs().compareTo(tolerance) > 0) {
      return; // freee's figures describe another period than the one counted here
    }
    if (report.limit() > 0 && report.limit() < period.limit) {
      period.limit = report.limit();
    }
    period.used = Math.max(period.used, period.limit - report.remaining());
  }

  /** The period holding {@code at}; moves forward only, so a later period already begun stays. */
  private Period rollTo(Window window, Instant at) {
    Instant start = quota.periodStart(window, at);
    Period period = periods.get(window);
    if (period == null || period.start.isBefore(start)) {
      period = new Period();
      period.start = start;
      period.end = start.plus(quota.length(window));
      period.limit = quota.limit(window);
      periods.put(window, period);
    }
    return period;
  }

  @Override
  public synchronized void pause(QuotaWait quotaWait) {
    if (pause == null || quotaWait.until().isAfter(pause.until())) {
      pause = quotaWait;
    }
  }

  @Override
  public synchronized Optional<QuotaWait> pauseInForce() {
    return Optional.ofNullable(pause)
        .filter(quotaWait -> quotaWait.until().isAfter(clock.instant()));
  }

  @Override
  public synchronized List<WindowHeadroom> headroom() {
    Instant now = clock.instant();
    List<WindowHeadroom> windows = new ArrayList<>();
    for (Window window : Window.values()) {
      Period period = rollTo(window, now);
      windows.add(
          new WindowHeadroom(
              window, period.limit, Math.max(0, period.limit - period.used), period.end));
    }
    return windows;
  }

  @Override
  public boolean shared() {
    return false;
  }
}
