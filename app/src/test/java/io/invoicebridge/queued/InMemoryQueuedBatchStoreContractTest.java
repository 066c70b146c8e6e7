package io.invoicebridge.queued;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

class InMemoryQueuedBatchStoreContractTest extends AbstractQueuedBatchStoreContractTest {

  private final MutableClock clock = new MutableClock(Instant.now());
  private final InMemoryQueuedBatchStore store = new InMemoryQueuedBatchStore(clock);

  @Override
  protected QueuedBatchStore store() {
    return store;
  }

  @Override
  protected void elapsePast(Duration lease) {
    clock.advance(lease.plusMillis(1));
  }
}
