package io.invoicebridge.freee;

import io.invoicebridge.ledger.CreatedInvoice;

/** What a reconciliation search found. */
public sealed interface LookupOutcome {

  record Found(CreatedInvoice invoice) implements LookupOutcome {}

  /** Every page was read and no invoice carries the marker. */
  record NotFound() implements LookupOutcome {}

  /** The search could not be completed (freee failure, no slot or time left). */
  record Incomplete(String reason) implements LookupOutcome {}
}
