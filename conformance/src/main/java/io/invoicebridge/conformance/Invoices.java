package io.invoicebridge.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;

/** Request bodies the cases send: valid freee invoice items in freee's own field names. */
public final class Invoices {

  /** Japanese text that must arrive in freee byte for byte, through every entry point. */
  public static final String JAPANESE_SUBJECT = "9月分 ご請求";

  public static final String JAPANESE_LINE = "保守サービス（月額）";

  /** A partner the fake freee knows. */
  public static final String PARTNER_CODE = "CUST-001";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Invoices() {}

  public static ObjectNode item(String key) {
    ObjectNode item = JSON.createObjectNode();
    item.put("key", key);
    item.put("billing_date", "2026-09-30");
    item.put("partner_code", PARTNER_CODE);
    item.put("partner_title", "御中");
    item.put("tax_entry_method", "out");
    item.put("tax_fraction", "omit");
    item.put("withholding_tax_entry_method", "out");
    item.put("subject", JAPANESE_SUBJECT);
    ObjectNode line = item.putArray("lines").addObject();
    line.put("type", "item");
    line.put("description", JAPANESE_LINE);
    line.put("quantity", 1);
    line.put("unit_price", "55000");
    line.put("tax_rate", 10);
    return item;
  }

  public static String batch(ObjectNode... items) {
    return batch(List.of(items));
  }

  public static String batch(List<ObjectNode> items) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode invoices = body.putArray("invoices");
    items.forEach(invoices::add);
    return body.toString();
  }

  /** A batch of {@code count} valid items with keys {@code prefix/1 ... prefix/count}. */
  public static String batchOf(String prefix, int count) {
    return batch(IntStream.rangeClosed(1, count).mapToObj(i -> item(prefix + "/" + i)).toList());
  }
}
