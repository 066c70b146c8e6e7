package io.invoicebridge.testing;

import java.util.stream.IntStream;

/** Valid invoice items as a field system would send them. */
public final class TestItems {

  private TestItems() {}

  /** One item's JSON with the given key, partner and amount. */
  public static String json(String key, long partnerId, String unitPrice) {
    return """
        {"key":"%s","billing_date":"2026-11-30","payment_date":"2026-12-31",
         "partner_id":%d,"partner_title":"御中","subject":"11月分 ご請求",
         "tax_entry_method":"out","tax_fraction":"omit","withholding_tax_entry_method":"out",
         "lines":[{"type":"item","description":"保守作業","quantity":1,"unit":"式",
                   "unit_price":"%s","tax_rate":10}]}"""
        .formatted(key, partnerId, unitPrice);
  }

  /** A batch body of {@code count} items keyed {@code prefix-0 .. prefix-(count-1)}. */
  public static String batch(String prefix, int count, long partnerId) {
    return batchOf(
        IntStream.range(0, count)
            .mapToObj(i -> json(prefix + "-" + i, partnerId, "1000" + i))
            .toArray(String[]::new));
  }

  /** A batch body of these items' JSON, in this order. */
  public static String batchOf(String... items) {
    return "{\"invoices\":[" + String.join(",", items) + "]}";
  }
}
