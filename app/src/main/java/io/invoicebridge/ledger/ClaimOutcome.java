package io.invoicebridge.ledger;

/** The answer to {@link Ledger#claim}. */
public sealed interface ClaimOutcome {

  /**
   * The caller owns the key now.
   *
   * @param reconcile true when an expired claim was taken over: its owner may have created the
   *     invoice, so freee must be searched before creating again
   */
  record Acquired(long fence, boolean reconcile) implements ClaimOutcome {}

  /** Someone else's live claim, or a created record, is in the way. */
  record Held(LedgerRecord existing) implements ClaimOutcome {}
}
