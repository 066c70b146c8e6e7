package io.invoicebridge.ledger;

import java.time.Instant;
import java.util.Objects;

/** What the ledger holds for one key. */
public sealed interface LedgerRecord {

  /** SHA-256 (hex) of the item's canonical JSON without its key. */
  String payloadHash();

  /**
   * A key some request is working on.
   *
   * @param fence incremented on every claim of the key, so takeovers are visible in logs
   * @param expiresAt after this instant the claim may be taken over (and must be reconciled)
   */
  record Claimed(String ownerToken, long fence, String payloadHash, Instant expiresAt)
      implements LedgerRecord {
    public Claimed {
      Objects.requireNonNull(ownerToken, "ownerToken");
      Objects.requireNonNull(payloadHash, "payloadHash");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  /** A key whose invoice exists in freee. */
  record Created(String payloadHash, CreatedInvoice invoice) implements LedgerRecord {
    public Created {
      Objects.requireNonNull(payloadHash, "payloadHash");
      Objects.requireNonNull(invoice, "invoice");
    }
  }
}
