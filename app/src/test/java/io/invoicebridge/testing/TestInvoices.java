package io.invoicebridge.testing;

import io.invoicebridge.freee.FreeeInvoiceBody;
import io.invoicebridge.freee.ReconcileQuery;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** Invoice bodies as the batch engine would build them: company, defaults and marker included. */
public final class TestInvoices {

  private TestInvoices() {}

  public static String marker(String key) {
    return "[invoice-bridge:" + key + "]";
  }

  /** A valid body for partner {@code partnerId} carrying {@code key}'s marker in its memo. */
  public static FreeeInvoiceBody body(String key, LocalDate billingDate, long partnerId) {
    String json =
        """
        {"company_id":%d,"billing_date":"%s","partner_id":%d,"partner_title":"御中",
         "tax_entry_method":"out","tax_fraction":"omit","withholding_tax_entry_method":"out",
         "subject":"9月分 ご請求","memo":"月次請求 %s",
         "lines":[{"type":"item","description":"コンサルティング","quantity":1,"unit":"式",
                   "unit_price":"100000","tax_rate":10}]}
        """
            .formatted(FakeFreee.COMPANY_ID, billingDate, partnerId, marker(key));
    return new FreeeInvoiceBody(parse(json), query(key, billingDate, partnerId, null));
  }

  public static FreeeInvoiceBody withJson(String json, String key, LocalDate billingDate) {
    return new FreeeInvoiceBody(parse(json), query(key, billingDate, null, null));
  }

  public static ReconcileQuery query(String key, LocalDate date, Long partnerId, String code) {
    return new ReconcileQuery(marker(key), date, partnerId, code);
  }

  private static JsonNode parse(String json) {
    try {
      return FakeHttp.JSON.readValue(json, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
