package io.invoicebridge.testing;

import io.micronaut.json.tree.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks freee makes on a {@code POST /iv/invoices} body (its {@code InvoiceRequest}). */
final class FakeInvoiceValidation {

  private static final Pattern UNIT_PRICE = Pattern.compile("^-?[0-9]{0,13}(\\.[0-9]{1,3})?$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  private FakeInvoiceValidation() {}

  /** Every problem found, in freee's style; empty when the body is acceptable. */
  static List<String> problems(JsonNode body, long companyId) {
    List<String> problems = new ArrayList<>();
    JsonNode company = body.get("company_id");
    if (company == null || !company.isNumber() || company.getLongValue() != companyId) {
      problems.add("company_id が不正です。");
    }
    date(body, "billing_date", problems);
    oneOf(body, "tax_entry_method", Set.of("in", "out"), problems);
    oneOf(body, "tax_fraction", Set.of("omit", "round_up", "round"), problems);
    oneOf(body, "withholding_tax_entry_method", Set.of("in", "out"), problems);
    oneOf(body, "partner_title", Set.of("御中", "様", "(空白)"), problems);
    if ((body.get("partner_id") == null) == (body.get("partner_code") == null)) {
      problems.add("partner_id と partner_code のどちらか一方を指定してください。");
    }
    maxLength(body, "memo", 2000, problems);
    maxLength(body, "subject", 255, problems);
    lines(body.get("lines"), problems);
    return problems;
  }

  private static void lines(JsonNode lines, List<String> problems) {
    if (lines == null || !lines.isArray() || lines.size() == 0) {
      problems.add("lines は1件以上指定してください。");
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      if (line == null || !line.isObject()) {
        problems.add("lines[" + i + "] が不正です。");
        continue;
      }
      String type = text(line, "type");
      if (type == null || type.equals("item")) {
        item(line, i, problems);
      } else if (!type.equals("text")) {
        problems.add("lines[" + i + "].type は item または text です。");
      }
    }
  }

  private static void item(JsonNode line, int i, List<String> problems) {
    JsonNode quantity = line.get("quantity");
    if (quantity == null || !quantity.isNumber()) {
      problems.add("lines[" + i + "].quantity は必須です。");
    }
    JsonNode taxRate = line.get("tax_rate");
    if (taxRate == null
        || !taxRate.isNumber()
        || !Set.of(0, 8, 10).contains(taxRate.getIntValue())) {
      problems.add("lines[" + i + "].tax_rate は 0, 8, 10 のいずれかです。");
    }
    JsonNode unitPrice = line.get("unit_price");
    if (unitPrice == null
        || !unitPrice.isString()
        || !UNIT_PRICE.matcher(unitPrice.getStringValue()).matches()) {
      problems.add("lines[" + i + "].unit_price は文字列の数値で指定してください。");
    }
    maxLength(line, "description", 255, problems);
  }

  private static void date(JsonNode body, String field, List<String> problems) {
    String value = text(body, field);
    try {
      if (value != null && DATE.matcher(value).matches()) {
        LocalDate.parse(value);
        return;
      }
    } catch (DateTimeParseException invalid) {
      // reported below
    }
    problems.add("Date は不正な日付フォーマットです。入力例：2019-12-17 (" + field + ")");
  }

  private static void oneOf(
      JsonNode body, String field, Set<String> allowed, List<String> problems) {
    if (!allowed.contains(text(body, field))) {
      problems.add(field + " は " + String.join(", ", allowed) + " のいずれかです。");
    }
  }

  private static void maxLength(JsonNode body, String field, int max, List<String> problems) {
    String value = text(body, field);
    if (value != null && value.length() > max) {
      problems.add(field + " は" + max + "文字以内で入力してください。");
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.getStringValue() : null;
  }
}
