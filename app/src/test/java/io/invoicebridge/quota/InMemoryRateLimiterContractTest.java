package io.invoicebridge.quota;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;

class InMemoryRateLimiterContractTest extends AbstractRateLimiterContractTest {

  /** One instance's limiter is shared by all its callers: its "peer" is itself. */
  @Override
  protected Fixture newFixture() {
    MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
    return new Fixture(
        quota -> new InMemoryRateLimiter(clock, quota),
        (limiter, quota) -> limiter,
        clock,
        Duration.ZERO,
        false);
  }
}
