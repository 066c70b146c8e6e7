package io.invoicebridge.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T00:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(
          5,
          Duration.ofMillis(500),
          Duration.ofSeconds(20),
          RandomGenerator.of("L64X128MixRandom"));

  @Test
  void nextAttemptAt_backoffStaysWithinExponentialCeiling() {
    Deadline deadline = Deadline.in(Duration.ofMinutes(5), clock);
    for (int attempt = 1; attempt < 5; attempt++) {
      long ceilingMillis = 500L << (attempt - 1);
      for (int sample = 0; sample < 50; sample++) {
        Instant next = policy.nextAttemptAt(attempt, Optional.empty(), deadline).orElseThrow();
        long waitMillis = Duration.between(clock.instant(), next).toMillis();
        assertTrue(
            waitMillis >= 0 && waitMillis <= ceilingMillis,
            "attempt " + attempt + ": " + waitMillis);
      }
    }
  }

  @Test
  void nextAttemptAt_budgetSpent_isEmpty() {
    assertEquals(
        Optional.empty(),
        policy.nextAttemptAt(5, Optional.empty(), Deadline.in(Duration.ofMinutes(5), clock)));
  }

  @Test
  void nextAttemptAt_freeeResetTime_winsOverBackoff() {
    Instant reset = clock.instant().plusSeconds(42);

    assertEquals(
        Optional.of(reset),
        policy.nextAttemptAt(1, Optional.of(reset), Deadline.in(Duration.ofMinutes(5), clock)));
  }

  @Test
  void nextAttemptAt_waitWouldPassDeadline_isEmpty() {
    Instant reset = clock.instant().plusSeconds(42);

    assertEquals(
        Optional.empty(),
        policy.nextAttemptAt(1, Optional.of(reset), Deadline.in(Duration.ofSeconds(30), clock)));
  }
}
