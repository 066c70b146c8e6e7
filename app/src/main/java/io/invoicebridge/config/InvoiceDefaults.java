package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Values for freee's required enum fields when an item leaves them out; null = no default. */
public record InvoiceDefaults(
    @Nullable String taxEntryMethod,
    @Nullable String taxFraction,
    @Nullable String withholdingTaxEntryMethod,
    @Nullable String partnerTitle) {

  /** The configured defaults by freee field name. */
  public Map<String, String> byField() {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "tax_entry_method", taxEntryMethod);
    put(fields, "tax_fraction", taxFraction);
    put(fields, "withholding_tax_entry_method", withholdingTaxEntryMethod);
    put(fields, "partner_title", partnerTitle);
    return fields;
  }

  private static void put(Map<String, String> fields, String name, @Nullable String value) {
    if (value != null) {
      fields.put(name, value);
    }
  }
}
