package io.invoicebridge.freee.token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shared in-memory token store that counts reads and can answer the next reads with a stale
 * record, as a read racing another instance's write would.
 */
final class ObservedTokenStore implements TokenStore {

  private final InMemoryTokenStore delegate = new InMemoryTokenStore();
  private final AtomicInteger reads = new AtomicInteger();
  private final Deque<TokenRecord> stale = new ArrayDeque<>();

  @Override
  public Optional<TokenRecord> read() {
    reads.incrementAndGet();
    synchronized (stale) {
      if (!stale.isEmpty()) {
        return Optional.of(stale.removeFirst());
      }
    }
    return delegate.read();
  }

  @Override
  public void write(TokenRecord record) {
    delegate.write(record);
  }

  @Override
  public boolean shared() {
    return true;
  }

  TokenRecord current() {
    return delegate.read().orElseThrow();
  }

  int reads() {
    return reads.get();
  }

  void serveStale(TokenRecord record, int times) {
    synchronized (stale) {
      for (int i = 0; i < times; i++) {
        stale.addLast(record);
      }
    }
  }
}
