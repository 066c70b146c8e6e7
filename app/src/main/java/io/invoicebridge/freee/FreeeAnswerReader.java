package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeReading;
import io.invoicebridge.quota.FreeeCallGate;
import io.invoicebridge.quota.FreeeRateLimitSnapshot;
import io.invoicebridge.quota.QuotaReport;
import io.invoicebridge.quota.QuotaWait;
import io.invoicebridge.quota.RateLimitHeaders;
import io.invoicebridge.quota.Window;
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
  public FreeeReading read(FreeeAnswer answer) {
    Instant now = clock.instant();
    FreeeRateLimitSnapshot snapshot = FreeeRateLimitSnapshot.from(answer::header, now);
    if (!snapshot.empty()) {
      last.set(snapshot);
      gate.observe(snapshot.reports());
    }
    FreeeReading reading = FreeeReading.of(answer, json);
    Optional<QuotaWait> quotaWait = waitFor(reading.kind(), answer, now);
    quotaWait.ifPresent(gate::pause);
    return reading.withQuotaWait(quotaWait);
  }

  /**
   * How long {@code answer} says no call may start. A 429: {@code Retry-After}, else the reset of
   * the window its headers show spent, else the minute's reset, else one minute. A 403 "excessive
   * access": {@code Retry-After}, else ten minutes, whatever the counters say. Any other answer:
   * the reset of a window whose last call it spent.
   */
  private static Optional<QuotaWait> waitFor(
      FreeeReading.Kind kind, FreeeAnswer answer, Instant now) {
    return switch (kind) {
      case RATE_LIMITED -> Optional.of(throttled(answer, now));
      case EXCESSIVE_ACCESS ->
          Optional.of(
              new QuotaWait(
                  QuotaWait.Cause.BLOCKED,
                  null,
                  RateLimitHeaders.retryAfter(answer::header, now)
                      .orElse(now.plus(EXCESSIVE_ACCESS_BLOCK)),
                  0));
      default -> spentWindow(answer, now);
    };
  }

  /**
   * A reset that has already passed when the answer is read (freee's clock, or the answer's own
   * travel time) means the window is open again: the wait then ends now rather than falling back to
   * a guessed minute.
   */
  private static QuotaWait throttled(FreeeAnswer answer, Instant now) {
    Optional<Instant> retryAfter = RateLimitHeaders.retryAfter(answer::header, now);
    if (retryAfter.isPresent()) {
      return new QuotaWait(QuotaWait.Cause.ASKED_TO_WAIT, null, retryAfter.get(), 0);
    }
    Optional<QuotaWait> spent = spentWindow(answer, Instant.MIN);
    if (spent.isPresent()) {
      return spent.get().until(latest(spent.get().until(), now));
    }
    // A 429 whose headers count nothing down to zero was refused by the minute, freee's tightest.
    Instant minuteReset =
        RateLimitHeaders.instant(answer::header, RateLimitHeaders.MINUTE_RESET)
            .map(reset -> latest(reset, now))
            .orElse(now.plus(UNKNOWN_RESET_PAUSE));
    return QuotaWait.spent(Window.MINUTE, minuteReset, 0);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The window freee reports spent with the latest reset after {@code after}, if any. */
  private static Optional<QuotaWait> spentWindow(FreeeAnswer answer, Instant after) {
    return FreeeRateLimitSnapshot.from(answer::header, Instant.EPOCH).reports().stream()
        .filter(report -> report.remaining() <= 0 && report.reset().isAfter(after))
        .max(Comparator.comparing(QuotaReport::reset))
        .map(report -> QuotaWait.spent(report.window(), report.reset(), report.limit()));
  }
}
