package io.invoicebridge.quota;

import java.time.Instant;

/** The answer to a {@link RateLimiter#reserve}: a slot, or why none came early enough. */
public sealed interface Reservation {

  /** A call may start at {@code at}; it is counted in every window. */
  record Slot(Instant at) implements Reservation {}

  /**
   * The earliest slot lies after the caller's limit because of {@code quotaWait}; nothing reserved.
   */
  record MustWait(QuotaWait quotaWait) implements Reservation {}

  /** The caller's limit had already passed; nothing reserved. */
  record NoTime() implements Reservation {}

  /**
   * Queued work whose next slot is more than one pacing interval away: nothing reserved, so a
   * person's call can take that slot; ask again at {@code askAgainAt}, when it will be the next.
   */
  record Later(Instant askAgainAt) implements Reservation {}
}
