package io.invoicebridge.invoice;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.freee.FreeeInvoiceBody;
import io.invoicebridge.invoice.validation.InvoiceMarker;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an item into the exact body of {@code POST /iv/invoices}: the configured company first, the
 * caller's fields, configured defaults for fields the caller left out, and the marker in {@code
 * memo}. Dry run returns this same body as {@code would_send}.
 */
@Singleton
public class FreeeBodyBuilder {

  private final BridgeConfig config;

  public FreeeBodyBuilder(BridgeConfig config) {
    this.config = config;
  }

  public FreeeInvoiceBody build(InvoiceItem item) {
    Map<String, JsonNode> body = new LinkedHashMap<>();
    Long companyId = config.freee().companyId();
    if (companyId != null) {
      body.put("company_id", JsonNode.createNumberNode(companyId));
    }
    item.fields().entries().forEach(field -> body.put(field.getKey(), field.getValue()));
    config
        .defaults()
        .byField()
        .forEach((name, value) -> body.putIfAbsent(name, JsonNode.createStringNode(value)));
    JsonNode memo = item.fields().get("memo");
    String callerMemo = memo == null ? null : memo.getStringValue();
    body.put(
        "memo", JsonNode.createStringNode(InvoiceMarker.memoWithMarker(callerMemo, item.key())));
    return new FreeeInvoiceBody(JsonNode.createObjectNode(body), item.reconcileQuery());
  }
}
