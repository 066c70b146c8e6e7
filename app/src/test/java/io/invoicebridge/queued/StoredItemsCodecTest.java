package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.invoice.InvoiceItem;
import io.invoicebridge.invoice.ItemResult;
import io.invoicebridge.invoice.ItemStatus;
import io.invoicebridge.ledger.CreatedInvoice;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredItemsCodecTest {

  private final JsonMapper json = JsonMapper.createDefault();
  private final StoredItemsCodec stored = new StoredItemsCodec(json);

  @Test
  void item_storedAndRead_keepsKeyFieldsAndPayloadHash() throws IOException {
    JsonNode fields =
        json.readValue("{\"subject\":\"9月分\",\"lines\":[{\"quantity\":1}]}", JsonNode.class);
    InvoiceItem item = InvoiceItem.of("2026-11/a/1", fields);

    InvoiceItem read = stored.item(stored.itemText(item));

    assertEquals(item.key(), read.key());
    assertEquals(item.payloadHash(), read.payloadHash());
  }

  @Test
  void result_storedAndRead_keepsTheSynchronousShape() {
    ItemResult result =
        ItemResult.invoice(
            "k-1",
            ItemStatus.CREATED,
            new CreatedInvoice(49034614L, "INV-1", Instant.parse("2026-11-30T00:00:00Z")),
            1,
            "req-1");

    ItemResult read = stored.result(stored.resultText(result));

    assertEquals(result, read);
  }

  @Test
  void resultText_heldBackResult_showsOnlyTheSynchronousFields() {
    ItemResult held =
        ItemResult.of("k-2", ItemStatus.NOT_ATTEMPTED, 0, "freee's hourly limit is spent")
            .withRetryAfter(Duration.ofSeconds(90))
            .withKnownWait();

    String text = stored.resultText(held);

    assertEquals(
        "{\"key\":\"k-2\",\"status\":\"not_attempted\",\"attempts\":0,"
            + "\"detail\":\"freee's hourly limit is spent\",\"retry_after\":90}",
        text);
  }
}
