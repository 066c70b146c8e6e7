package io.invoicebridge.invoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.config.InvoiceDefaults;
import io.invoicebridge.problem.Violation;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceValidatorTest {

  private final InvoiceValidator validator =
      new InvoiceValidator(new InvoiceDefaults(null, null, null, null));

  @Test
  void validate_completeItem_hasNoProblems() {
    assertEquals(List.of(), problems(TestItems.json("2026-11/ACME/1", 101, "100000")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"key\":\"2026-11/ACME/1\"|\"key\":\"has space\"|/invoices/0/key",
        "\"unit_price\":\"100000\"|\"unit_price\":100000|/invoices/0/lines/0/unit_price",
        "\"unit_price\":\"100000\"|\"unit_price\":\"1.2345\"|/invoices/0/lines/0/unit_price",
        "\"tax_rate\":10|\"tax_rate\":5|/invoices/0/lines/0/tax_rate",
        "\"tax_entry_method\":\"out\"|\"tax_entry_method\":\"outside\"|/invoices/0/tax_entry_method",
        "\"partner_title\":\"御中\"|\"partner_title\":\"殿\"|/invoices/0/partner_title",
        "\"billing_date\":\"2026-11-30\"|\"billing_date\":\"2026-02-30\"|/invoices/0/billing_date",
        "\"subject\":\"11月分 ご請求\"|\"subject\":\"\"|/invoices/0/subject",
        "\"partner_id\":101|\"partner_id\":101,\"partner_code\":\"C1\"|/invoices/0/partner_id",
        "\"partner_id\":101|\"partner_code\":7|/invoices/0/partner_code",
        "\"quantity\":1|\"quantity\":\"one\"|/invoices/0/lines/0/quantity",
        "\"subject\"|\"subjekt\"|/invoices/0/subjekt",
        "\"payment_date\"|\"company_id\":1,\"payment_date\"|/invoices/0/company_id",
        // JSON numbers beyond a double read as Infinity; a huge whole number as a BigInteger
        "\"quantity\":1|\"quantity\":1e400|/invoices/0/lines/0/quantity",
        "\"quantity\":1|\"quantity\":-1e400|/invoices/0/lines/0/quantity",
        "\"quantity\":1|\"quantity\":123456789012345678901234567890|/invoices/0/lines/0/quantity",
        "\"tax_rate\":10|\"tax_rate\":1e400|/invoices/0/lines/0/tax_rate",
        "\"tax_rate\":10|\"tax_rate\":4294967304|/invoices/0/lines/0/tax_rate",
        "\"partner_id\":101|\"partner_id\":1e400|/invoices/0/partner_id",
        "\"partner_id\":101|\"partner_id\":92233720368547758070|/invoices/0/partner_id",
        "\"tax_rate\":10|\"tax_rate\":10,\"tag_ids\":[1e400]|/invoices/0/lines/0/tag_ids",
      })
  void validate_brokenField_namesItsPointer(String original, String broken, String pointer) {
    String json = TestItems.json("2026-11/ACME/1", 101, "100000").replace(original, broken);

    List<String> pointers = problems(json).stream().map(Violation::pointer).toList();

    assertTrue(pointers.contains(pointer), () -> pointers + " should name " + pointer);
  }

  @Test
  void validate_moreLinesThanFreeeTakes_isRefusedAtTheLinesPointer() {
    String line =
        "{\"type\":\"item\",\"description\":\"d\",\"quantity\":1,\"unit_price\":\"1\",\"tax_rate\":10}";
    String lines = String.join(",", Collections.nCopies(InvoiceValidator.MAX_LINES + 1, line));
    String json =
        TestItems.json("k", 101, "1")
            .replaceFirst("(?s)\"lines\":\\[.*\\]", "\"lines\":[" + lines + "]");

    List<Violation> problems = problems(json);

    assertEquals(
        List.of(new Violation("/invoices/0/lines", "may hold at most 100 lines")), problems);
  }

  @Test
  void validate_unknownFieldWithLongName_isNamedShortened() {
    String name = "x".repeat(10_000);
    String json = TestItems.json("k", 101, "1").replace("\"subject\"", "\"" + name + "\"");

    List<String> pointers = problems(json).stream().map(Violation::pointer).toList();

    assertTrue(pointers.contains("/invoices/0/" + "x".repeat(64) + "…"), pointers::toString);
  }

  @Test
  void validate_itemLineWithoutQuantityOrTaxRate_namesBoth() {
    String json =
        TestItems.json("k", 101, "1")
            .replace("\"quantity\":1,", "")
            .replace(",\"tax_rate\":10", "");

    List<String> pointers = problems(json).stream().map(Violation::pointer).toList();

    assertEquals(List.of("/invoices/0/lines/0/quantity", "/invoices/0/lines/0/tax_rate"), pointers);
  }

  @Test
  void validate_textLineWithPrice_isRefused() {
    String json =
        TestItems.json("k", 101, "1")
            .replace("]}", ",{\"type\":\"text\",\"description\":\"備考\",\"unit_price\":\"1\"}]}");

    assertEquals(
        List.of(new Violation("/invoices/0/lines/1/unit_price", "is not allowed on a text line")),
        problems(json));
  }

  @Test
  void validate_memoWithoutRoomForMarker_isRefused() {
    String memo = "あ".repeat(1990);
    String json =
        TestItems.json("k", 101, "1")
            .replace("\"subject\"", "\"memo\":\"" + memo + "\",\"subject\"");

    assertEquals(
        List.of("/invoices/0/memo"), problems(json).stream().map(Violation::pointer).toList());
  }

  @Test
  void validate_missingEnumsWithConfiguredDefaults_isAccepted() {
    InvoiceValidator withDefaults =
        new InvoiceValidator(new InvoiceDefaults("out", "omit", "out", "御中"));
    String json =
        TestItems.json("k", 101, "1")
            .replace(
                "\"tax_entry_method\":\"out\",\"tax_fraction\":\"omit\",\"withholding_tax_entry_method\":\"out\",",
                "")
            .replace("\"partner_title\":\"御中\",", "");

    assertEquals(List.of(), withDefaults.validate(parse(json), "/invoices/0", true));
    assertEquals(4, validator.validate(parse(json), "/invoices/0", true).size());
  }

  @Test
  void validate_noLines_isRefused() {
    String json =
        TestItems.json("k", 101, "1").replaceAll("(?s)\"lines\":\\[.*\\]", "\"lines\":[]");

    assertEquals(
        List.of("/invoices/0/lines"), problems(json).stream().map(Violation::pointer).toList());
  }

  private List<Violation> problems(String json) {
    return validator.validate(parse(json), "/invoices/0", true);
  }

  private static JsonNode parse(String json) {
    try {
      return JsonMapper.createDefault().readValue(json.replace("\n", " "), JsonNode.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
