package io.invoicebridge.freee;

import io.invoicebridge.timing.Deadline;

/**
 * freee's invoice API as the batch engine sees it. Each method makes one logical attempt: every
 * HTTP call it needs (including a token refresh and the one retry after {@code
 * expired_access_token}) is paced by the rate limiter and bounded by the deadline. Never throws for
 * freee's or the network's failures: they are outcomes.
 */
public interface InvoiceGateway {

  /** Sends one {@code POST /iv/invoices} with {@code body} (already holding company and marker). */
  CreateOutcome create(FreeeInvoiceBody body, Deadline deadline);

  /**
   * Searches freee for the invoice carrying {@code query}'s marker in its memo, paging through
   * every match of the billing date (narrowed to the partner where known).
   */
  LookupOutcome find(ReconcileQuery query, Deadline deadline);
}
