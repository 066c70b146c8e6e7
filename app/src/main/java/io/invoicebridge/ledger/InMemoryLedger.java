package io.invoicebridge.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger for one instance: correct within this JVM, invisible to every other instance. Used
 * when no {@code REDIS_URL} is configured; health and preflight say so.
 */
public final class InMemoryLedger implements Ledger {

  private record Entry(LedgerRecord record, Instant evictAt) {}

  /** Every this many claims, records past their retention are dropped (keys never read again). */
  private static final int SWEEP_EVERY_CLAIMS = 1024;

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();
  private int claimsSinceSweep;

  public InMemoryLedger(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized ClaimOutcome claim(
      String key, String payloadHash, String ownerToken, Duration claimTtl) {
    Instant now = clock.instant();
    sweepNowAndThen(now);
    Optional<LedgerRecord> existing = live(key, now);
    long fence = 1;
    boolean reconcile = false;
    if (existing.isPresent()) {
      if (!(existing.get() instanceof LedgerRecord.Claimed claimed) || !claimed.expiredAt(now)) {
        return new ClaimOutcome.Held(existing.get());
      }
      fence = claimed.fence() + 1;
      reconcile = true;
    }
    LedgerRecord.Claimed claim =
        new LedgerRecord.Claimed(ownerToken, fence, payloadHash, now.plus(claimTtl));
    // An expired claim is kept (not evicted) for the retention period so the next claimer knows
    // it must reconcile.
    entries.put(key, new Entry(claim, now.plus(CREATED_RETENTION)));
    return new ClaimOutcome.Acquired(fence, reconcile);
  }

  @Override
  public synchronized boolean complete(String key, String ownerToken, CreatedInvoice invoice) {
    Instant now = clock.instant();
    return ownedClaim(key, ownerToken, now)
        .map(
            claim -> {
              LedgerRecord created = new LedgerRecord.Created(claim.payloadHash(), invoice);
              entries.put(key, new Entry(created, now.plus(CREATED_RETENTION)));
              return true;
            })
        .orElse(false);
  }

  @Override
  public synchronized boolean release(String key, String ownerToken) {
    boolean owned = ownedClaim(key, ownerToken, clock.instant()).isPresent();
    if (owned) {
      entries.remove(key);
    }
    return owned;
  }

  @Override
  public synchronized Optional<LedgerRecord> find(String key) {
    return live(key, clock.instant());
  }

  @Override
  public boolean shared() {
    return false;
  }

  private void sweepNowAndThen(Instant now) {
    if (++claimsSinceSweep >= SWEEP_EVERY_CLAIMS) {
      claimsSinceSweep = 0;
      entries.values().removeIf(entry -> !now.isBefore(entry.evictAt()));
    }
  }

  /** How many records are held, expired ones not yet swept included. */
  synchronized int size() {
    return entries.size();
  }

  private Optional<LedgerRecord.Claimed> ownedClaim(String key, String ownerToken, Instant now) {
    return live(key, now)
        .filter(LedgerRecord.Claimed.class::isInstance)
        .map(LedgerRecord.Claimed.class::cast)
        .filter(claim -> claim.ownerToken().equals(ownerToken));
  }

  private Optional<LedgerRecord> live(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!now.isBefore(entry.evictAt())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.record());
  }
}
