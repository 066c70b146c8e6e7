package io.invoicebridge.limit;

import java.time.Instant;
import java.util.Optional;

/**
 * Paces freee calls so that no 60-second window holds more than the configured number, evenly
 * spaced rather than in bursts; shared by every instance when backed by Redis.
 */
public interface RateLimiter {

  /**
   * Reserves the next free call slot, no earlier than any pause in force.
   *
   * @param notAfter the latest acceptable slot (the caller's deadline)
   * @return when the reserved call may start, or empty when the next slot lies after {@code
   *     notAfter} (nothing is reserved then)
   * @throws RateLimiterUnavailableException when the shared store cannot be reached
   */
  Optional<Instant> reserve(Instant notAfter);

  /**
   * Holds every call (on every instance sharing the limiter) until {@code resumeAt}: freee said the
   * limit is spent. A pause never shortens one already in force.
   */
  void pauseUntil(Instant resumeAt);

  /** Whether the pacing is shared by every instance (false in memory). */
  boolean shared();
}
