package io.invoicebridge.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.problem.InvalidItemsException;
import io.invoicebridge.problem.MalformedBodyException;
import io.invoicebridge.problem.PayloadTooLargeException;
import io.invoicebridge.problem.Violation;
import io.invoicebridge.testing.TestConfig;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReaderTest {

  private final BatchReader reader =
      new BatchReader(JsonMapper.createDefault(), TestConfig.config(false));

  @Test
  void readBatch_validItems_keepsOrderAndStripsKeys() {
    List<InvoiceItem> items = reader.readBatch(bytes(TestItems.batch("k", 3, 101)));

    assertEquals(List.of("k-0", "k-1", "k-2"), items.stream().map(InvoiceItem::key).toList());
    assertTrue(items.getFirst().fields().get("key") == null);
  }

  @Test
  void readBatch_notJson_isMalformed() {
    assertThrows(MalformedBodyException.class, () -> reader.readBatch(bytes("{\"invoices\": [")));
  }

  @Test
  void readBatch_emptyBody_isMalformed() {
    assertThrows(MalformedBodyException.class, () -> reader.readBatch(new byte[0]));
  }

  @Test
  void readBatch_moreItemsThanMaxBatchSize_isTooLargeWithTheLimit() {
    PayloadTooLargeException error =
        assertThrows(
            PayloadTooLargeException.class,
            () -> reader.readBatch(bytes(TestItems.batch("k", 501, 101))));

    assertEquals(500, error.problem().limit());
    assertTrue(error.problem().detail().contains("MAX_BATCH_SIZE is 500"));
  }

  @Test
  void readBatch_duplicateKeys_refusesBatchNamingBothIndexes() {
    String body =
        TestItems.batchOf(TestItems.json("same", 101, "1"), TestItems.json("same", 101, "2"));

    InvalidItemsException error =
        assertThrows(InvalidItemsException.class, () -> reader.readBatch(bytes(body)));

    assertEquals(
        List.of(new Violation("/invoices/1/key", "repeats the key of /invoices/0")),
        error.problem().errors());
  }

  @Test
  void readBatch_oneInvalidItem_refusesWholeBatchListingEveryProblemByIndex() {
    String bad =
        TestItems.json("bad", 101, "1")
            .replace("\"unit_price\":\"1\"", "\"unit_price\":1")
            .replace("\"2026-11-30\"", "\"30/11/2026\"");
    String body = TestItems.batchOf(TestItems.json("good", 101, "1"), bad);

    InvalidItemsException error =
        assertThrows(InvalidItemsException.class, () -> reader.readBatch(bytes(body)));

    List<String> pointers = error.problem().errors().stream().map(Violation::pointer).toList();
    assertEquals(
        List.of("/invoices/1/billing_date", "/invoices/1/lines/0/unit_price"),
        pointers.stream().sorted().toList());
  }

  @Test
  void readBatch_manyProblems_listsTheFirstHundredAndCountsThemAll() {
    String body =
        TestItems.batchOf(
            TestItems.json("k", 101, "1")
                .replace("\"subject\"", unknownFields(250) + "\"subject\""));

    InvalidItemsException error =
        assertThrows(InvalidItemsException.class, () -> reader.readBatch(bytes(body)));

    assertEquals(100, error.problem().errors().size());
    assertEquals(250, error.problem().errorCount());
    assertEquals("/invoices/0/f0", error.problem().errors().getFirst().pointer());
  }

  @Test
  void readBatch_missingInvoicesArray_isValidationProblem() {
    assertThrows(InvalidItemsException.class, () -> reader.readBatch(bytes("{\"items\":[]}")));
  }

  @Test
  void payloadHash_sameFieldsInAnotherOrder_isEqual() {
    String reordered =
        "{\"invoices\":[{\"lines\":[{\"tax_rate\":10,\"unit_price\":\"1\",\"quantity\":1.0,"
            + "\"description\":\"保守作業\",\"unit\":\"式\",\"type\":\"item\"}],"
            + "\"withholding_tax_entry_method\":\"out\",\"tax_fraction\":\"omit\","
            + "\"tax_entry_method\":\"out\",\"subject\":\"11月分 ご請求\",\"partner_title\":\"御中\","
            + "\"partner_id\":101,\"payment_date\":\"2026-12-31\",\"billing_date\":\"2026-11-30\","
            + "\"key\":\"k\"}]}";

    InvoiceItem original =
        reader.readBatch(bytes(TestItems.batchOf(TestItems.json("k", 101, "1")))).getFirst();
    InvoiceItem shuffled = reader.readBatch(bytes(reordered)).getFirst();

    assertEquals(original.payloadHash(), shuffled.payloadHash());
  }

  @Test
  void payloadHash_differentAmount_differs() {
    InvoiceItem one =
        reader.readBatch(bytes(TestItems.batchOf(TestItems.json("k", 101, "1")))).getFirst();
    InvoiceItem two =
        reader.readBatch(bytes(TestItems.batchOf(TestItems.json("k", 101, "2")))).getFirst();

    assertNotEquals(one.payloadHash(), two.payloadHash());
  }

  @Test
  void readSingle_keyInBodyDiffersFromHeader_isRefused() {
    assertThrows(
        InvalidItemsException.class,
        () -> reader.readSingle(bytes(TestItems.json("body-key", 101, "1")), "header-key"));
  }

  /** {@code "f0":1,"f1":1,...}, each an unknown field. */
  private static String unknownFields(int count) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < count; i++) {
      fields.append("\"f").append(i).append("\":1,");
    }
    return fields.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
