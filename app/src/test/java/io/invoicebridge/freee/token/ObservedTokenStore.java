package io.invoicebridge.freee.token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shared in-memory token store that counts reads, can answer the next reads with a stale record,
 * as a read racing another instance's write would, and can be made unreachable, as a Redis outage
 * makes the Redis store.
 */
final class ObservedTokenStore implements TokenStore {

  private final InMemoryTokenStore delegate = new InMemoryTokenStore();
  private final AtomicInteger reads = new AtomicInteger();
  private final Deque<TokenRecord> stale = new ArrayDeque<>();
  private final AtomicInteger failedWrites = new AtomicInteger();
  private volatile boolean unreachable;

  @Override
  public Optional<TokenRecord> read() {
    reads.incrementAndGet();
    failIfUnreachable("read");
    synchronized (stale) {
      if (!stale.isEmpty()) {
        return Optional.of(stale.removeFirst());
      }
    }
    return delegate.read();
  }

  @Override
  public boolean replace(TokenRecord current, TokenRecord next) {
    if (unreachable) {
      failedWrites.incrementAndGet();
    }
    failIfUnreachable("write");
    return delegate.replace(current, next);
  }

  /** Sets the record as an operator or a test would, whatever the store holds. */
  void put(TokenRecord record) {
    delegate.replace(delegate.read().orElse(null), record);
  }

  /** From now on every call fails as a store outage does, until called with false. */
  void unreachable(boolean unreachable) {
    this.unreachable = unreachable;
  }

  /** Writes refused because the store was unreachable. */
  int failedWrites() {
    return failedWrites.get();
  }

  private void failIfUnreachable(String step) {
    if (unreachable) {
      throw new TokenStoreUnavailableException(step, "the store is unreachable");
    }
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
