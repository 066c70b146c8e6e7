package io.invoicebridge.quota;

import io.invoicebridge.timing.Lane;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Paces freee calls within freee's three windows (minute, hour, day), shared by every instance when
 * backed by Redis. Only the minute is a pace: calls one interval apart, so no 60-second span holds
 * more than its limit. The hour and the day are budgets, never a pace: calls go at the minute's
 * pace until a window's budget is spent, then wait for its reset. freee's own figures only ever
 * tighten the count; a pause holds every call until it ends. Queued work ({@link Lane#QUEUED})
 * leaves the interactive share of each budget and never reserves ahead of a person's call.
 */
public interface RateLimiter {

  /**
   * Reserves the next call slot allowed by every window and any pause in force, in one step.
   *
   * @param lane whose work the call serves: a queued call stops short of each budget by the
   *     interactive share, and is answered {@link Reservation.Later} instead of a slot more than
   *     one pacing interval away
   * @param notAfter the latest acceptable slot (the caller's deadline)
   * @param seen freee's latest figures per window, which tighten the count of the window they
   *     describe (never loosen it)
   * @return the slot, or why none lies before {@code notAfter} (nothing is reserved then)
   * @throws RateLimiterUnavailableException when the shared store cannot be reached
   */
  Reservation reserve(CallKind kind, Lane lane, Instant notAfter, List<QuotaReport> seen);

  /**
   * Holds every call (on every instance sharing the limiter) until {@code quotaWait.until()}. A
   * pause never shortens one already in force.
   *
   * @throws RateLimiterUnavailableException when the shared store cannot be reached
   */
  void pause(QuotaWait quotaWait);

  /**
   * The pause in force now, if any: checked again just before a call that waited for its slot is
   * sent.
   *
   * @throws RateLimiterUnavailableException when the shared store cannot be reached
   */
  Optional<QuotaWait> pauseInForce();

  /**
   * Each window's limit, remaining calls and reset as this limiter counts them.
   *
   * @throws RateLimiterUnavailableException when the shared store cannot be reached
   */
  List<WindowHeadroom> headroom();

  /** Whether the pacing is shared by every instance (false in memory). */
  boolean shared();
}
