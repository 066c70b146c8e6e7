package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FreeeOutageBreakerTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T00:00:00Z");
  private final FreeeOutageBreaker breaker = new FreeeOutageBreaker(clock);

  @Test
  void admit_fewerFailuresThanThreshold_admits() {
    failTimes(FreeeOutageBreaker.FAILURES_TO_OPEN - 1);

    assertDoesNotThrow(breaker::admit);
  }

  @Test
  void admit_thresholdReached_refusesUntilOpenPeriodEnds() {
    failTimes(FreeeOutageBreaker.FAILURES_TO_OPEN);

    assertThrows(FreeeOutageException.class, breaker::admit);
    clock.advance(FreeeOutageBreaker.OPEN_FOR);
    assertDoesNotThrow(breaker::admit);
  }

  @Test
  void admit_duringTrialCall_refusesOthers() {
    admitTrialCall();

    assertThrows(FreeeOutageException.class, breaker::admit);
  }

  @Test
  void recordSuccess_afterTrial_closes() {
    admitTrialCall();

    breaker.recordSuccess();

    assertDoesNotThrow(breaker::admit);
    assertDoesNotThrow(breaker::admit);
  }

  @Test
  void recordFailure_afterTrial_opensAgain() {
    admitTrialCall();

    breaker.recordFailure();

    assertThrows(FreeeOutageException.class, breaker::admit);
    clock.advance(Duration.ofSeconds(1));
    assertThrows(FreeeOutageException.class, breaker::admit);
  }

  @Test
  void recordNotSent_trialNeverSent_letsTheNextCallTry() {
    admitTrialCall();

    breaker.recordNotSent();

    assertDoesNotThrow(breaker::admit);
  }

  /** Opens the breaker, waits out the open period and admits the one trial call. */
  private void admitTrialCall() {
    failTimes(FreeeOutageBreaker.FAILURES_TO_OPEN);
    clock.advance(FreeeOutageBreaker.OPEN_FOR);
    breaker.admit();
  }

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      breaker.recordFailure();
    }
  }
}
