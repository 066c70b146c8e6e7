package io.invoicebridge.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Even pacing for one instance: slots one {@code 60 s / limit} apart (a generic cell rate algorithm
 * with no burst), so any 60-second window holds at most {@code limit} calls.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private final Clock clock;
  private final Duration interval;
  private Instant nextSlot = Instant.MIN;

  public InMemoryRateLimiter(Clock clock, int callsPerMinute) {
    this.clock = clock;
    this.interval = intervalFor(callsPerMinute);
  }

  /** The spacing between slots, rounded up to the next millisecond so windows never overfill. */
  public static Duration intervalFor(int callsPerMinute) {
    long micros = (60_000_000L + callsPerMinute - 1) / callsPerMinute;
    return Duration.ofMillis((micros + 999) / 1000);
  }

  @Override
  public synchronized Optional<Instant> reserve(Instant notAfter) {
    Instant slot = max(clock.instant(), nextSlot);
    if (slot.isAfter(notAfter)) {
      return Optional.empty();
    }
    nextSlot = slot.plus(interval);
    return Optional.of(slot);
  }

  @Override
  public synchronized void pauseUntil(Instant resumeAt) {
    nextSlot = max(nextSlot, resumeAt);
  }

  @Override
  public boolean shared() {
    return false;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
