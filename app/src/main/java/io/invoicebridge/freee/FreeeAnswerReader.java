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
 * The one place an API answer of freee's is read, inside the {@link FreeeCallGate} before its
 * permit is released: its status and error body are classified once ({@link FreeeReading}), its
 * rate-limit headers tighten the gate's count and are kept for preflight and health, and when freee
 * says "slow down" (a 429, a 403 "excessive access" block, or an answer that spent a window's last
 * call) every freee call is paused.
 */
@Singleton
public class FreeeAnswerReader {

  /** freee documents that a 403 "excessive access" block clears after about ten minutes. */
  static final Duration EXCESSIVE_ACCESS_BLOCK = Duration.ofMinutes(10);

  /** Pause after a 429 that names no time and shows no window spent: the shortest window. */
  static final Duration UNKNOWN_RESET_PAUSE = Duration.ofMinutes(1);

  private final FreeeCallGate gate;
  private final JsonMapper json;
  private final Clock clock;
  private final AtomicReference<FreeeRateLimitSnapshot> last = new AtomicReference<>();

  public FreeeAnswerReader(FreeeCallGate gate, JsonMapper json, Clock clock) {
    this.gate = gate;
    this.json = json;
    this.clock = clock;
  }

  /** The headroom in freee's last rate-limit headers, empty before any was seen. */
  public Optional<FreeeRateLimitSnapshot> lastSeen() {
    return Optional.ofNullable(last.get());
  }

  /**
   * Reads {@code answer} once: classifies it, records its figures and pauses every call if it says
   * to slow down. Called inside the gate, before its permit is released, so the pause is in force
   * before the next call is had.
   */
  FreeeReading read(FreeeAnswer answer) {
    Instant now = clock.instant();
    FreeeRateLimitSnapshot snapshot = FreeeRateLimitSnapshot.from(answer, now);
    if (!snapshot.empty()) {
      last.set(snapshot);
      gate.observe(snapshot.reports());
    }
    FreeeReading reading = FreeeReading.of(answer, json);
    Optional<Hold> hold = holdFor(reading.kind(), answer, now);
    hold.ifPresent(gate::pause);
    return reading.withHold(hold);
  }

  /**
   * How long {@code answer} says no call may start. A 429: {@code Retry-After}, else the reset of
   * the window its headers show spent, else the minute's reset, else one minute. A 403 "excessive
   * access": {@code Retry-After}, else ten minutes, whatever the counters say. Any other answer:
   * the reset of a window whose last call it spent.
   */
  private static Optional<Hold> holdFor(FreeeReading.Kind kind, FreeeAnswer answer, Instant now) {
    return switch (kind) {
      case RATE_LIMITED -> Optional.of(throttled(answer, now));
      case EXCESSIVE_ACCESS ->
          Optional.of(
              new Hold(
                  Hold.Cause.BLOCKED,
                  null,
                  RateLimitHeaders.retryAfter(answer, now).orElse(now.plus(EXCESSIVE_ACCESS_BLOCK)),
                  0));
      default -> spentWindow(answer, now);
    };
  }

  /**
   * A reset that has already passed when the answer is read (freee's clock, or the answer's own
   * travel time) means the window is open again: the hold then ends now rather than falling back to
   * a guessed minute.
   */
  private static Hold throttled(FreeeAnswer answer, Instant now) {
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
