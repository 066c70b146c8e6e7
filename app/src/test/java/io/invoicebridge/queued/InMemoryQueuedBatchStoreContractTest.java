package io.invoicebridge.queued;

import io.invoicebridge.testing.MutableClock;
import java.time.Instant;

class InMemoryQueuedBatchStoreContractTest extends AbstractQueuedBatchStoreContractTest {

  @Override
  protected Fixture newFixture() {
    MutableClock clock = new MutableClock(Instant.now());
    return new Fixture(
        new InMemoryQueuedBatchStore(clock), lease -> clock.advance(lease.plusMillis(1)));
  }
}
