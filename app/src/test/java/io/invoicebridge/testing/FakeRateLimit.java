package io.invoicebridge.testing;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * freee's three limits per company and app, with freee's headers on every answer: the minute as a
 * sliding window, the hour and the day as periods aligned on the epoch (freee's hour resets on the
 * hour, its day at 00:00Z). Every length is configurable so tests run an hour in seconds. Answered
 * calls count, refused ones do not. Also freee's "excessive access" block: while it lasts every
 * call is answered 403.
 */
final class FakeRateLimit {

  /**
   * Defaults of the hour and the day: far above freee's own (1,500 and 3,000-10,000) so tests of
   * other things never meet them; tests of the hour and the day configure them.
   */
  static final int UNBOUNDED = 1_000_000;

  private int minuteLimit;
  private Duration minute;
  private final Deque<Instant> accepted = new ArrayDeque<>();
  private final Period hour = new Period(UNBOUNDED, Duration.ofHours(1));
  private final Period day = new Period(UNBOUNDED, Duration.ofDays(1));
  private Duration phase = Duration.ZERO;
  private Instant blockedUntil = Instant.MIN;
  private final List<FakeFreee.Refusal> refusals = new ArrayList<>();
  private final List<Instant> blocked = new ArrayList<>();

  /** A window counted in epoch-aligned periods. */
  private static final class Period {
    int limit;
    Duration length;
    Instant start = Instant.MIN;
    int used;

    Period(int limit, Duration length) {
      this.limit = limit;
      this.length = length;
    }

    void roll(Instant now, Duration phase) {
      long lengthMs = length.toMillis();
      long ms = now.toEpochMilli();
      Instant current = Instant.ofEpochMilli(ms - Math.floorMod(ms + phase.toMillis(), lengthMs));
      if (current.isAfter(start)) {
        start = current;
        used = 0;
      }
    }

    Instant reset() {
      return start.plus(length);
    }

    boolean full() {
      return used >= limit;
    }
  }

  FakeRateLimit(int limit, Duration window) {
    this.minuteLimit = limit;
    this.minute = window;
  }

  synchronized void configure(int newLimit, Duration newWindow) {
    minuteLimit = newLimit;
    minute = newWindow;
  }

  synchronized void configureHour(int limit, Duration length) {
    hour.limit = limit;
    hour.length = length;
    hour.start = Instant.MIN;
  }

  synchronized void configureDay(int limit, Duration length) {
    day.limit = limit;
    day.length = length;
    day.start = Instant.MIN;
  }

  /** Moves the hour's and the day's boundaries as {@code Quota}'s phase moves the bridge's. */
  synchronized void phase(Duration newPhase) {
    phase = newPhase;
    hour.start = Instant.MIN;
    day.start = Instant.MIN;
  }

  /** From {@code now} on, every call is answered 403 until {@code until}. */
  synchronized void block(Instant until) {
    blockedUntil = until;
  }

  synchronized boolean blocked(Instant now) {
    boolean in = now.isBefore(blockedUntil);
    if (in) {
      blocked.add(now);
    }
    return in;
  }

  /** Counts {@code calls} made by another client of the same company now, room permitting. */
  synchronized void spend(Instant now, int calls) {
    roll(now);
    for (int i = 0; i < calls && !full(); i++) {
      count(now);
    }
  }

  /** Spends the hour's remaining calls, as another app of the same company could. */
  synchronized void spendHour(Instant now) {
    roll(now);
    hour.used = hour.limit;
  }

  /** Counts the call if there is room; false means answer 429. Adds the headers either way. */
  synchronized boolean admit(Instant now, Headers headers) {
    roll(now);
    boolean admitted = !full();
    if (admitted) {
      count(now);
    } else {
      refusals.add(new FakeFreee.Refusal(now, refusedUntil(now)));
    }
    headers.set("X-Ratelimit-Limit-Minute", Integer.toString(minuteLimit));
    headers.set("X-Ratelimit-Remaining-Minute", Integer.toString(minuteLimit - accepted.size()));
    headers.set("X-Ratelimit-Reset-Minute", minuteReset(now).toString());
    headers.set("X-RateLimit-Limit", Integer.toString(hour.limit));
    headers.set("X-RateLimit-Remaining", Integer.toString(Math.max(0, hour.limit - hour.used)));
    headers.set("X-RateLimit-Reset", hour.reset().toString());
    headers.set("X-RateLimit-Limit-Day", Integer.toString(day.limit));
    headers.set("X-RateLimit-Remaining-Day", Integer.toString(Math.max(0, day.limit - day.used)));
    headers.set("X-RateLimit-Reset-Day", day.reset().toString());
    return admitted;
  }

  private boolean full() {
    return accepted.size() >= minuteLimit || hour.full() || day.full();
  }

  private void count(Instant now) {
    accepted.addLast(now);
    hour.used++;
    day.used++;
  }

  /** The first instant a call is admitted again: the latest reset among the full windows. */
  private Instant refusedUntil(Instant now) {
    Instant until = now;
    if (accepted.size() >= minuteLimit) {
      until = minuteReset(now);
    }
    if (hour.full() && hour.reset().isAfter(until)) {
      until = hour.reset();
    }
    if (day.full() && day.reset().isAfter(until)) {
      until = day.reset();
    }
    return until;
  }

  private Instant minuteReset(Instant now) {
    return accepted.isEmpty() ? now.plus(minute) : accepted.peekFirst().plus(minute);
  }

  private void roll(Instant now) {
    while (!accepted.isEmpty() && !accepted.peekFirst().plus(minute).isAfter(now)) {
      accepted.removeFirst();
    }
    hour.roll(now, phase);
    day.roll(now, phase);
  }

  synchronized int refusedCount() {
    return refusals.size();
  }

  synchronized List<FakeFreee.Refusal> refusals() {
    return List.copyOf(refusals);
  }

  synchronized List<Instant> blockedCalls() {
    return List.copyOf(blocked);
  }
}
