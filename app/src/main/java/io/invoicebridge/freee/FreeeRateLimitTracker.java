package io.invoicebridge.freee;

import io.invoicebridge.limit.FreeeCallGate;
import io.invoicebridge.limit.Hold;
import io.invoicebridge.limit.QuotaReport;
import io.invoicebridge.limit.Window;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads freee's rate-limit headers: keeps the last figures seen (for preflight and health), hands
 * them to the {@link FreeeCallGate} to tighten its count, and pauses every freee call when freee
 * says "slow down": a 429, a 403 "excessive access" block, or any answer that spent a window's last
 * call.
 */
@Singleton
public class FreeeRateLimitTracker {

  /** freee documents that a 403 "excessive access" block clears after about ten minutes. */
  static final Duration EXCESSIVE_ACCESS_BLOCK = Duration.ofMinutes(10);

  /** Pause after a 429 that names no time and shows no window spent: the shortest window. */
  static final Duration UNKNOWN_RESET_PAUSE = Duration.ofMinutes(1);

  private final FreeeCallGate gate;
  private final JsonMapper json;
  private final Clock clock;
  private final AtomicReference<FreeeRateLimitSnapshot> last = new AtomicReference<>();

  public FreeeRateLimitTracker(FreeeCallGate gate, JsonMapper json, Clock clock) {
    this.gate = gate;
    this.json = json;
    this.clock = clock;
  }

  /** The headroom in freee's last rate-limit headers, empty before any was seen. */
  public Optional<FreeeRateLimitSnapshot> lastSeen() {
    return Optional.ofNullable(last.get());
  }

  /**
   * Records an answer's figures and pauses every call if it says to slow down. Called inside the
   * gate, before its permit is released, so the pause is in force before the next call is had.
   */
  void observe(FreeeAnswer answer) {
    FreeeRateLimitSnapshot snapshot = FreeeRateLimitSnapshot.from(answer, clock.instant());
    if (!snapshot.empty()) {
      last.set(snapshot);
      gate.observe(snapshot.reports());
    }
    holdFor(answer).ifPresent(gate::pause);
  }

  /**
   * How long {@code answer} says no call may start. A 429: {@code Retry-After}, else the reset of
   * the window its headers show spent, else the minute's reset, else one minute. A 403 "excessive
   * access": {@code Retry-After}, else ten minutes, whatever the counters say. Any other answer:
   * the reset of a window whose last call it spent.
   */
  Optional<Hold> holdFor(FreeeAnswer answer) {
    Instant now = clock.instant();
    if (answer.status() == 429) {
      return Optional.of(throttled(answer, now));
    }
    if (answer.status() == 403
        && !FreeeCodes.permissionDenied(FreeeErrorBody.parse(json, answer.body()))) {
      Instant until =
          RateLimitHeaders.retryAfter(answer, now).orElse(now.plus(EXCESSIVE_ACCESS_BLOCK));
      return Optional.of(new Hold(Hold.Cause.BLOCKED, null, until, 0));
    }
    return spentWindow(answer, now);
  }

  /**
   * A reset that has already passed when the answer is read (freee's clock, or the answer's own
   * travel time) means the window is open again: the hold then ends now rather than falling back to
   * a guessed minute.
   */
  private Hold throttled(FreeeAnswer answer, Instant now) {
    Optional<Instant> retryAfter = RateLimitHeaders.retryAfter(answer, now);
    if (retryAfter.isPresent()) {
      return new Hold(Hold.Cause.ASKED_TO_WAIT, null, retryAfter.get(), 0);
    }
    Optional<Hold> spent = spentWindow(answer, Instant.MIN);
    if (spent.isPresent()) {
      return spent.get().until(latest(spent.get().until(), now));
    }
    // A 429 whose headers count nothing down to zero was refused by the minute, freee's tightest.
    Instant minuteReset =
        RateLimitHeaders.instant(answer, RateLimitHeaders.MINUTE_RESET)
            .map(reset -> latest(reset, now))
            .orElse(now.plus(UNKNOWN_RESET_PAUSE));
    return Hold.spent(Window.MINUTE, minuteReset, 0);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The window freee reports spent with the latest reset after {@code after}, if any. */
  private static Optional<Hold> spentWindow(FreeeAnswer answer, Instant after) {
    return FreeeRateLimitSnapshot.from(answer, Instant.EPOCH).reports().stream()
        .filter(report -> report.remaining() <= 0 && report.reset().isAfter(after))
        .max(Comparator.comparing(QuotaReport::reset))
        .map(report -> Hold.spent(report.window(), report.reset(), report.limit()));
  }
}
