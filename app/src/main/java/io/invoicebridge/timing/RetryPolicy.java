package io.invoicebridge.timing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait between zero and {@code base * 2^(n-1)},
 * capped), that never waits past the deadline.
 *
 * @param maxAttempts tries per freee call, the first included
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {

  public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
  public static final Duration DEFAULT_CAP = Duration.ofSeconds(20);

  /**
   * With a {@link SecureRandom}: the policy is built at startup, and Lambda SnapStart restores one
   * snapshot into many instances; a seeded generator would give them all the same jitter, while
   * SecureRandom draws on the system's entropy at every use.
   */
  public static RetryPolicy of(int maxAttempts) {
    return new RetryPolicy(maxAttempts, DEFAULT_BASE, DEFAULT_CAP, new SecureRandom());
  }

  public boolean mayRetryAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * When attempt {@code attempt + 1} may start after {@code attempt} failed; freee's own earliest
   * time ({@code Retry-After} or a rate-limit reset) wins over the jittered backoff.
   *
   * @return empty when no further attempt is allowed or it would start after the deadline
   */
  public Optional<Instant> nextAttemptAt(
      int attempt, Optional<Instant> notBefore, Deadline deadline) {
    if (!mayRetryAfter(attempt)) {
      return Optional.empty();
    }
    Instant now = deadline.clock().instant();
    Instant at =
        notBefore.filter(now::isBefore).orElseGet(() -> now.plus(jitteredBackoff(attempt)));
    return at.isBefore(deadline.at()) ? Optional.of(at) : Optional.empty();
  }

  private Duration jitteredBackoff(int attempt) {
    long ceilingMillis = base.toMillis() << Math.min(attempt - 1, 20);
    long boundMillis = Math.min(ceilingMillis, cap.toMillis());
    return Duration.ofMillis(random.nextLong(boundMillis + 1));
  }
}
