package io.invoicebridge.invoice;

import io.invoicebridge.freee.ReconcileQuery;
import io.invoicebridge.invoice.validation.InvoiceMarker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One validated item: the caller's idempotency key and its freee fields (without the key).
 *
 * @param payloadHash SHA-256 (hex) of the fields' canonical JSON: the same key with another hash is
 *     a conflict
 */
public record InvoiceItem(String key, JsonNode fields, String payloadHash) {

  public InvoiceItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(payloadHash, "payloadHash");
  }

  public static InvoiceItem of(String key, JsonNode fields) {
    return new InvoiceItem(key, fields, CanonicalJson.sha256(fields));
  }

  public String marker() {
    return InvoiceMarker.of(key);
  }

  /** How to find this item's invoice in freee if its creation was uncertain. */
  public ReconcileQuery reconcileQuery() {
    return new ReconcileQuery(
        marker(),
        LocalDate.parse(text("billing_date")),
        fields.get("partner_id") == null ? null : fields.get("partner_id").getLongValue(),
        text("partner_code"));
  }

  private @Nullable String text(String field) {
    JsonNode value = fields.get(field);
    return value == null ? null : value.getStringValue();
  }
}
