package io.invoicebridge.freee;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fails fast while freee is down: after {@value #FAILURES_TO_OPEN} calls in a row end in a 5xx or
 * an I/O error, no freee call starts for {@link #OPEN_FOR}; then one trial call decides whether to
 * close again. Without it every item of a large batch would spend its whole retry budget on an
 * outage. Micronaut's {@code @CircuitBreaker} is not used because it retries the guarded method,
 * which must never happen to a create.
 */
@Singleton
public class FreeeOutageBreaker {

  static final int FAILURES_TO_OPEN = 5;
  static final Duration OPEN_FOR = Duration.ofSeconds(30);

  private final Clock clock;
  private int failuresInARow;
  private Instant openUntil = Instant.MIN;
  private boolean trialInFlight;

  public FreeeOutageBreaker(Clock clock) {
    this.clock = clock;
  }

  /**
   * Admits a call, or refuses it while freee is considered down.
   *
   * @throws FreeeOutageException when no call may start now
   */
  public synchronized void admit() {
    if (failuresInARow < FAILURES_TO_OPEN) {
      return;
    }
    Instant now = clock.instant();
    if (now.isBefore(openUntil) || trialInFlight) {
      throw new FreeeOutageException(failuresInARow, openUntil);
    }
    trialInFlight = true;
  }

  /** The admitted call was never sent (no slot, no time): it decides nothing. */
  public synchronized void recordNotSent() {
    trialInFlight = false;
  }

  public synchronized void recordSuccess() {
    failuresInARow = 0;
    trialInFlight = false;
  }

  public synchronized void recordFailure() {
    failuresInARow++;
    trialInFlight = false;
    if (failuresInARow >= FAILURES_TO_OPEN) {
      openUntil = clock.instant().plus(OPEN_FOR);
    }
  }
}
