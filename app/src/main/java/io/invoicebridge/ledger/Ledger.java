package io.invoicebridge.ledger;

import java.time.Duration;
import java.util.Optional;

/**
 * The idempotency ledger: one record per caller key (namespaced per freee company by the
 * implementation), the only guard against duplicate invoices because freee has none.
 *
 * <p>Every method is one atomic step on the store; implementations never write a value and its
 * expiry in two commands.
 */
public interface Ledger {

  /** How long a {@code created} record is kept: resends within this window are replays. */
  Duration CREATED_RETENTION = Duration.ofDays(7);

  /**
   * Claims {@code key} for {@code ownerToken} unless a live record exists, in one round trip.
   *
   * @param claimTtl how long the claim stays live; the owner must make no freee call after it
   * @return {@link ClaimOutcome.Acquired} when the caller now owns the key (with {@code reconcile}
   *     set when it took over an expired claim whose owner may have created the invoice), or {@link
   *     ClaimOutcome.Held} with the record that prevented the claim
   * @throws LedgerUnavailableException when the store cannot be reached
   */
  ClaimOutcome claim(String key, String payloadHash, String ownerToken, Duration claimTtl);

  /**
   * Turns the owner's claim into a {@code created} record kept {@link #CREATED_RETENTION}.
   *
   * @return false when {@code ownerToken} no longer owns the claim (nothing is written then)
   * @throws LedgerUnavailableException when the store cannot be reached
   */
  boolean complete(String key, String ownerToken, CreatedInvoice invoice);

  /**
   * Deletes the owner's claim so the key can be used again; only after freee refused the item for
   * good, or when no freee call was made for it.
   *
   * @return false when {@code ownerToken} no longer owns the claim (nothing is deleted then)
   * @throws LedgerUnavailableException when the store cannot be reached
   */
  boolean release(String key, String ownerToken);

  /**
   * Reads what the ledger knows about {@code key} without changing it.
   *
   * @throws LedgerUnavailableException when the store cannot be reached
   */
  Optional<LedgerRecord> find(String key);

  /** Whether records are shared by every instance (false for the in-memory ledger). */
  boolean shared();
}
