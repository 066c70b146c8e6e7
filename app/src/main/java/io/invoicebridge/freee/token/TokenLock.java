package io.invoicebridge.freee.token;

import java.time.Duration;
import java.util.Optional;

/**
 * A lease-based mutual exclusion across instances for refreshing and seeding the freee token. A
 * lease expires by itself, so a crashed holder cannot block the others for longer than its TTL.
 */
public interface TokenLock {

  /**
   * Takes the lock if nobody holds it, in one atomic step that also sets its expiry.
   *
   * @return the lease, or empty when someone else holds the lock
   * @throws TokenStoreUnavailableException when the store cannot be reached
   */
  Optional<Lease> tryAcquire(Duration ttl);

  /**
   * Releases the lock only if {@code lease} still holds it (compare-and-delete).
   *
   * @return false when the lease had expired and someone else may hold the lock
   */
  boolean release(Lease lease);

  /** Proof of holding the lock. */
  record Lease(String ownerToken) {}
}
