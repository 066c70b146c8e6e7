package io.invoicebridge.freee;

import io.micronaut.json.tree.JsonNode;
import java.util.Objects;

/**
 * The exact JSON object sent to {@code POST /iv/invoices}: the caller's item without its key, the
 * configured company and defaults, and the marker appended to {@code memo}.
 */
public record FreeeInvoiceBody(JsonNode json, ReconcileQuery reconcileQuery) {

  public FreeeInvoiceBody {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(reconcileQuery, "reconcileQuery");
    if (!json.isObject()) {
      throw new IllegalArgumentException("a freee invoice body is a JSON object");
    }
  }
}
