package io.invoicebridge.limit;

import io.invoicebridge.config.BridgeConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one door every freee API call goes through: at most {@code CONCURRENT_FREEE_CALLS} in flight
 * on this instance, each started at a rate-limiter slot, none started without room to finish before
 * the deadline. The slot is reserved only after the concurrency permit is held, so calls start at
 * their slot and never bunch up behind the permit (which could overfill a 60-second window). A call
 * cut off by the deadline would leave its outcome uncertain, so a slot must leave the room {@link
 * CallDurationEstimate} asks for.
 */
@Singleton
public class FreeeCallGate {

  private final RateLimiter rateLimiter;
  private final Semaphore inFlight;
  private final CallDurationEstimate durations;
  private final Clock clock;
  private final Sleeper sleeper;

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
   * @return the call's result, or empty when no permit or slot was had in time (nothing was called)
   */
  public <T> Optional<T> call(Deadline deadline, Supplier<T> call) {
    try {
      if (!inFlight.tryAcquire(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      Deadline latestStart = deadline.minus(durations.roomForOneCall());
      Optional<Instant> slot =
          latestStart.passed() ? Optional.empty() : rateLimiter.reserve(latestStart.at());
      if (slot.isEmpty()) {
        return Optional.empty();
      }
      sleeper.sleep(Duration.between(clock.instant(), slot.get()));
      if (latestStart.passed()) {
        return Optional.empty();
      }
      Instant started = clock.instant();
      T result = call.get();
      durations.record(Duration.between(started, clock.instant()));
      return Optional.of(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      inFlight.release();
    }
  }

  /** Holds every freee call until {@code resumeAt}: freee reported its limit spent. */
  public void pauseUntil(Instant resumeAt) {
    rateLimiter.pauseUntil(resumeAt);
  }
}
