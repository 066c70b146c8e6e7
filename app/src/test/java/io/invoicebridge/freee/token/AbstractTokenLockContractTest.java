package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link TokenLock} contract, run against every implementation. */
abstract class AbstractTokenLockContractTest {

  static final Duration LONG = Duration.ofMinutes(1);
  static final Duration SHORT = Duration.ofMillis(200);

  /** The lock under test, free at the start of each test. */
  protected abstract TokenLock lock();

  /** Another instance's view of the same lock (the lock itself in memory). */
  protected abstract TokenLock peerOf(TokenLock lock);

  /** Lets at least {@code ttl} pass on the clock that judges lease expiry. */
  protected abstract void elapsePast(Duration ttl);

  @Test
  void tryAcquire_freeLock_returnsALease() {
    assertTrue(lock().tryAcquire(LONG).isPresent());
  }

  @Test
  void tryAcquire_heldByAnotherInstance_returnsEmpty() {
    lock().tryAcquire(LONG);

    Optional<TokenLock.Lease> lease = peerOf(lock()).tryAcquire(LONG);

    assertEquals(Optional.empty(), lease);
  }

  @Test
  void tryAcquire_afterTheLeaseExpired_succeeds() {
    TokenLock.Lease first = lock().tryAcquire(SHORT).orElseThrow();
    elapsePast(SHORT);

    Optional<TokenLock.Lease> second = peerOf(lock()).tryAcquire(LONG);

    assertTrue(second.isPresent());
    assertNotEquals(first.ownerToken(), second.get().ownerToken());
  }

  @Test
  void release_holder_freesTheLock() {
    TokenLock.Lease lease = lock().tryAcquire(LONG).orElseThrow();

    boolean released = lock().release(lease);

    assertTrue(released);
    assertTrue(peerOf(lock()).tryAcquire(LONG).isPresent());
  }

  @Test
  void release_twice_secondReturnsFalse() {
    TokenLock.Lease lease = lock().tryAcquire(LONG).orElseThrow();
    lock().release(lease);

    assertFalse(lock().release(lease));
  }

  @Test
  void release_expiredLease_returnsFalse() {
    TokenLock.Lease lease = lock().tryAcquire(SHORT).orElseThrow();
    elapsePast(SHORT);

    assertFalse(lock().release(lease));
  }

  @Test
  void release_expiredLeaseAfterAnotherTookTheLock_leavesTheNewHolder() {
    TokenLock.Lease stale = lock().tryAcquire(SHORT).orElseThrow();
    elapsePast(SHORT);
    TokenLock.Lease current = peerOf(lock()).tryAcquire(LONG).orElseThrow();

    boolean released = lock().release(stale);

    assertFalse(released);
    assertEquals(Optional.empty(), lock().tryAcquire(LONG));
    assertTrue(peerOf(lock()).release(current));
  }
}
