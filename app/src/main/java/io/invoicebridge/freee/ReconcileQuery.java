package io.invoicebridge.freee;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How to find an invoice the bridge may have created: its marker in {@code memo}, searched among
 * the invoices of its billing date, narrowed by partner when the item names one.
 */
public record ReconcileQuery(
    String marker, LocalDate billingDate, @Nullable Long partnerId, @Nullable String partnerCode) {

  public ReconcileQuery {
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(billingDate, "billingDate");
  }
}
