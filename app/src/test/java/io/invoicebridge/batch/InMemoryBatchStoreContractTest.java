package io.invoicebridge.batch;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

class InMemoryBatchStoreContractTest extends AbstractBatchStoreContractTest {

  private final MutableClock clock = new MutableClock(Instant.now());
  private final InMemoryBatchStore store = new InMemoryBatchStore(clock);

  @Override
  protected BatchStore store() {
    return store;
  }

  @Override
  protected void elapsePast(Duration lease) {
    clock.advance(lease.plusMillis(1));
  }
}
