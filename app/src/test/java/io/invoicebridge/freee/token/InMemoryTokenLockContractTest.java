package io.invoicebridge.freee.token;

import io.invoicebridge.testing.MutableClock;

class InMemoryTokenLockContractTest extends AbstractTokenLockContractTest {

  /** One instance's lock is shared by all its callers: its "peer" is itself. */
  @Override
  protected Fixture newFixture() {
    MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
    InMemoryTokenLock lock = new InMemoryTokenLock(clock);
    return new Fixture(lock, lock, clock::advance);
  }
}
