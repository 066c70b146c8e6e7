package io.invoicebridge.freee.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A {@link TokenLock} for one instance, with the same lease semantics as the shared one. */
public final class InMemoryTokenLock implements TokenLock {

  private final Clock clock;
  private String holder;
  private Instant expiresAt = Instant.MIN;

  public InMemoryTokenLock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Lease> tryAcquire(Duration ttl) {
    Instant now = clock.instant();
    if (holder != null && now.isBefore(expiresAt)) {
      return Optional.empty();
    }
    holder = UUID.randomUUID().toString();
    expiresAt = now.plus(ttl);
    return Optional.of(new Lease(holder));
  }

  @Override
  public synchronized boolean release(Lease lease) {
    boolean held = lease.ownerToken().equals(holder) && clock.instant().isBefore(expiresAt);
    if (held) {
      holder = null;
    }
    return held;
  }
}
