package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.ContractTest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The {@link TokenLock} contract, run against every implementation. */
abstract class AbstractTokenLockContractTest
    extends ContractTest<AbstractTokenLockContractTest.Fixture> {

  static final Duration LONG = Duration.ofMinutes(1);
  static final Duration SHORT = Duration.ofMillis(200);

  /**
   * An implementation as the contract sees it.
   *
   * @param lock the lock under test, free at the start of each test
   * @param peer another instance's view of the same lock (the lock itself in memory)
   * @param elapsePast lets at least a given time pass on the clock that judges lease expiry
   */
  protected record Fixture(TokenLock lock, TokenLock peer, Consumer<Duration> elapsePast) {}

  private TokenLock lock() {
    return fixture().lock();
  }

  @Test
  void tryAcquire_freeLock_returnsALease() {
    assertTrue(lock().tryAcquire(LONG).isPresent());
  }

  @Test
  void tryAcquire_heldByAnotherInstance_returnsEmpty() {
    lock().tryAcquire(LONG);

    Optional<TokenLock.Lease> lease = fixture().peer().tryAcquire(LONG);

    assertEquals(Optional.empty(), lease);
  }

  @Test
  void tryAcquire_afterTheLeaseExpired_succeeds() {
    TokenLock.Lease first = lock().tryAcquire(SHORT).orElseThrow();
    fixture().elapsePast().accept(SHORT);

    Optional<TokenLock.Lease> second = fixture().peer().tryAcquire(LONG);

    assertTrue(second.isPresent());
    assertNotEquals(first.ownerToken(), second.get().ownerToken());
  }

  @Test
  void release_holder_freesTheLock() {
    TokenLock.Lease lease = lock().tryAcquire(LONG).orElseThrow();

    boolean released = lock().release(lease);

    assertTrue(released);
    assertTrue(fixture().peer().tryAcquire(LONG).isPresent());
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
    fixture().elapsePast().accept(SHORT);

    assertFalse(lock().release(lease));
  }

  @Test
  void release_expiredLeaseAfterAnotherTookTheLock_leavesTheNewHolder() {
    TokenLock.Lease stale = lock().tryAcquire(SHORT).orElseThrow();
    fixture().elapsePast().accept(SHORT);
    TokenLock.Lease current = fixture().peer().tryAcquire(LONG).orElseThrow();

    boolean released = lock().release(stale);

    assertFalse(released);
    assertEquals(Optional.empty(), lock().tryAcquire(LONG));
    assertTrue(fixture().peer().release(current));
  }
}
