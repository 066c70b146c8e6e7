package io.invoicebridge.quota;

import io.invoicebridge.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

class InMemoryRateLimiterContractTest extends AbstractRateLimiterContractTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

  @Override
  protected RateLimiter limiter(Quota quota) {
    return new InMemoryRateLimiter(clock, quota);
  }

  /** One instance's limiter is shared by all its callers: its "peer" is itself. */
  @Override
  protected RateLimiter peerOf(RateLimiter limiter, Quota quota) {
    return limiter;
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected Duration jitter() {
    return Duration.ZERO;
  }

  @Override
  protected boolean expectedShared() {
    return false;
  }
}
