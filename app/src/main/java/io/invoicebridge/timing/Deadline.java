package io.invoicebridge.timing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The instant by which a request's work must be finished so its response can still be written, and
 * whose work it is ({@link Lane}): the rate limiter serves a person before queued work.
 */
public record Deadline(Instant at, Clock clock, Lane lane) {

  public Deadline(Instant at, Clock clock) {
    this(at, clock, Lane.INTERACTIVE);
  }

  public static Deadline in(Duration budget, Clock clock) {
    return new Deadline(clock.instant().plus(budget), clock);
  }

  /** Time left, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public boolean passed() {
    return !clock.instant().isBefore(at);
  }

  /** Whether {@code needed} still fits before the deadline. */
  public boolean allows(Duration needed) {
    return !clock.instant().plus(needed).isAfter(at);
  }

  /** A deadline {@code margin} earlier than this one, for the same lane. */
  public Deadline minus(Duration margin) {
    return new Deadline(at.minus(margin), clock, lane);
  }

  /** The same instant, for queued work. */
  public Deadline queued() {
    return new Deadline(at, clock, Lane.QUEUED);
  }
}
