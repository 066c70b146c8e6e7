package io.invoicebridge.queued;

import io.invoicebridge.invoice.InvoiceItem;
import io.invoicebridge.invoice.ItemResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Items and results as the batch store keeps them: JSON text. */
@Singleton
public class StoredItemsCodec {

  private final JsonMapper json;

  public StoredItemsCodec(JsonMapper json) {
    this.json = json;
  }

  /** The item's fields with its key, as submitted. */
  public String itemText(InvoiceItem item) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    fields.put("key", JsonNode.createStringNode(item.key()));
    item.fields().entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
    return write(JsonNode.createObjectNode(fields));
  }

  /** The item again, with the same payload hash it was submitted with. */
  public InvoiceItem item(String text) {
    JsonNode node = read(text, JsonNode.class);
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    node.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
    fields.remove("key");
    return InvoiceItem.of(node.get("key").getStringValue(), JsonNode.createObjectNode(fields));
  }

  public String key(String itemText) {
    return read(itemText, JsonNode.class).get("key").getStringValue();
  }

  public String resultText(ItemResult result) {
    return write(result);
  }

  public ItemResult result(String text) {
    return read(text, ItemResult.class);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a stored batch value", e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable stored batch value", e);
    }
  }
}
