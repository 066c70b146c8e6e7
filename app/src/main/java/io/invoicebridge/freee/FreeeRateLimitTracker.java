package io.invoicebridge.freee;

import io.invoicebridge.limit.FreeeCallGate;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads freee's rate-limit headers: keeps the last headroom seen (for preflight) and pauses every
 * freee call through the {@link FreeeCallGate} when freee says its limit is spent.
 */
@Singleton
public class FreeeRateLimitTracker {

  /** freee documents that a 403 "excessive access" block clears after about ten minutes. */
  static final Duration EXCESSIVE_ACCESS_BLOCK = Duration.ofMinutes(10);

  /** Pause after a 429 that names no time: freee's limit window is one minute. */
  static final Duration UNKNOWN_RESET_PAUSE = Duration.ofMinutes(1);

  private final FreeeCallGate gate;
  private final Clock clock;
  private final AtomicReference<FreeeRateLimitSnapshot> last = new AtomicReference<>();

  public FreeeRateLimitTracker(FreeeCallGate gate, Clock clock) {
    this.gate = gate;
    this.clock = clock;
  }

  /** The headroom in freee's last rate-limit headers, empty before any was seen. */
  public Optional<FreeeRateLimitSnapshot> lastSeen() {
    return Optional.ofNullable(last.get());
  }

  /**
   * Records every answer; a successful one that spent the minute's last call pauses until reset.
   */
  void observe(FreeeAnswer answer) {
    FreeeRateLimitSnapshot snapshot = FreeeRateLimitSnapshot.from(answer, clock.instant());
    if (snapshot.empty()) {
      return;
    }
    last.set(snapshot);
    if (answer.successful()
        && Integer.valueOf(0).equals(snapshot.minuteRemaining())
        && snapshot.minuteReset() != null) {
      gate.pauseUntil(snapshot.minuteReset());
    }
  }

  /**
   * freee throttled a call (429). Pauses every call until freee's time and returns it: {@code
   * Retry-After}, else the minute reset, else the hour reset; empty when freee named none (the
   * pause is then one minute).
   */
  Optional<Instant> throttled(FreeeAnswer answer) {
    Instant now = clock.instant();
    Optional<Instant> retryAt =
        RateLimitHeaders.retryAfter(answer, now)
            .or(() -> RateLimitHeaders.instant(answer, RateLimitHeaders.MINUTE_RESET))
            .or(() -> RateLimitHeaders.instant(answer, RateLimitHeaders.HOUR_RESET));
    gate.pauseUntil(retryAt.orElse(now.plus(UNKNOWN_RESET_PAUSE)));
    return retryAt;
  }

  /**
   * freee blocked for excessive access (403): the block lasts about ten minutes whatever the minute
   * counters say, so only {@code Retry-After} may shorten it.
   */
  Optional<Instant> blocked(FreeeAnswer answer) {
    Instant now = clock.instant();
    Instant retryAt =
        RateLimitHeaders.retryAfter(answer, now).orElse(now.plus(EXCESSIVE_ACCESS_BLOCK));
    gate.pauseUntil(retryAt);
    return Optional.of(retryAt);
  }
}
