package io.invoicebridge.quota;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.timing.CallDurationEstimate;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.Sleeper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door every freee API call goes through: at most {@code CONCURRENT_FREEE_CALLS} in flight
 * on this instance, each started at a slot of the {@link RateLimiter} (all three windows and any
 * pause), none started without room to finish before the deadline, and none started after a pause
 * began while it waited for its slot. The slot is reserved only after the concurrency permit is
 * held, so calls start at their slot and never bunch up behind the permit; queued work told to ask
 * again later gives its permit back while it waits. A call cut off by the deadline would leave its
 * outcome uncertain, so a slot must leave the room {@link CallDurationEstimate} asks for. What
 * freee's headers say comes back through {@link #observe} and {@link #pause} while the permit is
 * still held.
 */
@Singleton
public class FreeeCallGate {

  /**
   * A call that waited at least this long for its slot asks the limiter again whether a pause began
   * meanwhile. A shorter wait gains nothing from asking: the question takes a round trip itself.
   */
  static final Duration RECHECK_AFTER = Duration.ofMillis(20);

  private static final Logger LOG = LoggerFactory.getLogger(FreeeCallGate.class);

  private final RateLimiter rateLimiter;
  private final Semaphore inFlight;
  private final CallDurationEstimate durations;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<Window, QuotaReport> seen = new EnumMap<>(Window.class);

  @Inject
  public FreeeCallGate(
      RateLimiter rateLimiter,
      BridgeConfig config,
      CallDurationEstimate durations,
      Clock clock,
      Sleeper sleeper) {
    this(rateLimiter, config.limits().concurrentFreeeCalls(), durations, clock, sleeper);
  }

  public FreeeCallGate(
      RateLimiter rateLimiter,
      int concurrentCalls,
      CallDurationEstimate durations,
      Clock clock,
      Sleeper sleeper) {
    this.rateLimiter = rateLimiter;
    this.inFlight = new Semaphore(concurrentCalls, true);
    this.durations = durations;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Runs {@code call} when a permit and a slot are had early enough to finish before {@code
   * deadline}.
   *
   * @return the call's result, or empty when no permit or time was left (nothing was called)
   * @throws QuotaWaitPastDeadlineException when a window or a pause holds calls past the deadline
   * @throws RateLimiterUnavailableException when the shared limiter cannot be reached
   */
  public <T> Optional<T> call(CallKind kind, Deadline deadline, Supplier<T> call) {
    try {
      while (inFlight.tryAcquire(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        Reservation turn;
        try {
          turn = waitForSlot(kind, deadline.minus(durations.roomForOneCall()));
          if (turn instanceof Reservation.Slot) {
            Instant started = clock.instant();
            T result = call.get();
            durations.record(Duration.between(started, clock.instant()));
            return Optional.of(result);
          }
        } finally {
          inFlight.release();
        }
        if (!(turn instanceof Reservation.Later later)) {
          return Optional.empty();
        }
        // Queued work waits for its turn without a permit: a person's call on this instance
        // takes the permit, and the slot, meanwhile.
        sleeper.sleep(Duration.between(clock.instant(), later.askAgainAt()));
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Reserves and waits for a slot (again after a pause that began while waiting).
   *
   * @return the slot, once its time came; {@link Reservation.Later} for queued work whose turn is
   *     not yet near (nothing reserved); {@link Reservation.NoTime} when none fits
   */
  private Reservation waitForSlot(CallKind kind, Deadline latestStart) throws InterruptedException {
    while (!latestStart.passed()) {
      Reservation reservation =
          rateLimiter.reserve(kind, latestStart.lane(), latestStart.at(), seen());
      switch (reservation) {
        case Reservation.MustWait mustWait ->
            throw new QuotaWaitPastDeadlineException(mustWait.quotaWait());
        case Reservation.NoTime noTime -> {
          return noTime;
        }
        case Reservation.Later later -> {
          return later;
        }
        case Reservation.Slot slot -> {
          Duration wait = Duration.between(clock.instant(), slot.at());
          sleeper.sleep(wait);
          if (wait.compareTo(RECHECK_AFTER) < 0 || rateLimiter.pauseInForce().isEmpty()) {
            return latestStart.passed() ? new Reservation.NoTime() : slot;
          }
        }
      }
    }
    return new Reservation.NoTime();
  }

  /** Records freee's latest figures per window; the next reservation tightens its count by them. */
  public void observe(List<QuotaReport> reports) {
    synchronized (seen) {
      reports.forEach(report -> seen.put(report.window(), report));
    }
  }

  /**
   * Holds every freee call until {@code quotaWait.until()}: freee said a window is spent or
   * blocked.
   */
  public void pause(QuotaWait quotaWait) {
    if (!quotaWait.until().isAfter(clock.instant())) {
      return;
    }
    LOG.warn(
        "freee calls paused until {} ({} {}): {}",
        quotaWait.until(),
        quotaWait.cause().name().toLowerCase(Locale.ROOT),
        quotaWait.window() == null ? "" : quotaWait.window().adjective(),
        quotaWait.detail());
    rateLimiter.pause(quotaWait);
  }

  /** The pause every freee call is held by now, if any. */
  public Optional<QuotaWait> pauseInForce() {
    return rateLimiter.pauseInForce();
  }

  /** Each window's limit, remaining calls and reset as the (shared) limiter counts them. */
  public List<WindowHeadroom> headroom() {
    return rateLimiter.headroom();
  }

  private List<QuotaReport> seen() {
    synchronized (seen) {
      return List.copyOf(seen.values());
    }
  }
}
