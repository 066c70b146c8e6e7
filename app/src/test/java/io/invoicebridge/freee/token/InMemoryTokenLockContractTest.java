package io.invoicebridge.freee.token;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

class InMemoryTokenLockContractTest extends AbstractTokenLockContractTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final InMemoryTokenLock lock = new InMemoryTokenLock(clock);

  @Override
  protected TokenLock lock() {
    return lock;
  }

  @Override
  protected TokenLock peerOf(TokenLock lock) {
    return lock;
  }

  @Override
  protected void elapsePast(Duration ttl) {
    clock.advance(ttl);
  }
}
