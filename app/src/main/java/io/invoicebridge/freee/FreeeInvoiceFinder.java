package io.invoicebridge.freee;

import io.invoicebridge.freee.LookupOutcome.Found;
import io.invoicebridge.freee.LookupOutcome.Incomplete;
import io.invoicebridge.freee.LookupOutcome.NotFound;
import io.invoicebridge.timing.Deadline;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Reconciliation: pages through {@code GET /iv/invoices} of one billing date (narrowed to the
 * partner when its id is known or resolvable) looking for the bridge's marker in {@code memo}.
 * Every page is one gated freee call.
 */
@Singleton
class FreeeInvoiceFinder {

  /** freee's maximum page size; freee sends no total, so a shorter page is the last. */
  static final int PAGE_SIZE = 100;

  /** freee answers 400 when limit + offset exceeds this. */
  static final int OFFSET_CAP = 10_000;

  private final InvoicePages pages;
  private final FreeePartnerDirectory partners;
  private final Clock clock;

  FreeeInvoiceFinder(InvoicePages pages, FreeePartnerDirectory partners, Clock clock) {
    this.pages = pages;
    this.partners = partners;
    this.clock = clock;
  }

  LookupOutcome find(ReconcileQuery query, long companyId, Deadline deadline) {
    Long partnerId = partnerId(query, companyId, deadline);
    for (int offset = 0; offset + PAGE_SIZE <= OFFSET_CAP; offset += PAGE_SIZE) {
      InvoicePages.Page page = pages.fetch(query, companyId, partnerId, offset, deadline);
      if (page.failure() != null) {
        return new Incomplete(page.failure());
      }
      for (JsonNode invoice : page.invoices()) {
        if (carriesMarker(invoice, query.marker())) {
          return new Found(FreeeInvoiceJson.toCreated(invoice, clock.instant()));
        }
      }
      if (page.invoices().size() < PAGE_SIZE) {
        return new NotFound();
      }
    }
    return new Incomplete(
        "more than "
            + OFFSET_CAP
            + " invoices share billing date "
            + query.billingDate()
            + " and freee pages no further (limit + offset is capped at 10,000)");
  }

  @Nullable
  private Long partnerId(ReconcileQuery query, long companyId, Deadline deadline) {
    if (query.partnerId() != null) {
      return query.partnerId();
    }
    if (query.partnerCode() == null) {
      return null;
    }
    return partners.idFor(query.partnerCode(), companyId, deadline).orElse(null);
  }

  private static boolean carriesMarker(JsonNode invoice, String marker) {
    String memo = FreeeInvoiceJson.memo(invoice);
    return memo != null && memo.contains(marker);
  }
}
