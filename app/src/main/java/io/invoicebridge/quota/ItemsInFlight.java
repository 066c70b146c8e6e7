package io.invoicebridge.quota;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many items this instance's running batches hold, for the headroom warning: a day with fewer
 * calls left than items in flight cannot finish them today.
 */
@Singleton
public class ItemsInFlight {

  private final AtomicInteger items = new AtomicInteger();

  /** A batch of {@code count} items started; pair with {@link #finished(int)}. */
  public void started(int count) {
    items.addAndGet(count);
  }

  public void finished(int count) {
    items.addAndGet(-count);
  }

  public int count() {
    return items.get();
  }
}
