package io.invoicebridge.invoice.validation;

import io.invoicebridge.config.InvoiceDefaults;
import io.invoicebridge.problem.Violation;
import io.invoicebridge.problem.Violations;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one item against freee's {@code InvoiceRequest} rules before anything is sent, so a batch
 * is refused as a whole (422) rather than half-created. Pointers are relative to the body.
 */
public final class InvoiceValidator {

  public static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:@/-]{1,128}$");

  /**
   * Lines per invoice. freee's invoice schema gives no maximum; its accounting API takes at most
   * 100 detail lines in one deal ({@code POST /api/1/deals}), and an invoice's lines become such a
   * deal's lines when the invoice is registered in accounting. An unbounded list would only cost
   * memory and an answer as large as the body.
   */
  public static final int MAX_LINES = 100;

  /** Longest field name a problem's pointer repeats whole; a longer one is cut and marked. */
  static final int SHOWN_NAME_LENGTH = 64;

  private static final List<String> REQUIRED_WITH_DEFAULT =
      List.of("tax_entry_method", "tax_fraction", "withholding_tax_entry_method", "partner_title");

  private final Map<String, String> defaults;

  public InvoiceValidator(InvoiceDefaults defaults) {
    this.defaults = defaults.byField();
  }

  /** Every problem of the item at {@code pointer} (for example {@code /invoices/3}). */
  public List<Violation> validate(JsonNode item, String pointer, boolean keyInBody) {
    Violations violations = new Violations();
    validate(item, pointer, keyInBody, violations);
    return violations.kept();
  }

  /** Adds every problem of the item at {@code pointer} to {@code violations}. */
  public void validate(JsonNode item, String pointer, boolean keyInBody, Violations violations) {
    if (!item.isObject()) {
      violations.add(pointer, "must be a JSON object (one freee InvoiceRequest)");
      return;
    }
    String key = keyInBody ? checkKey(item.get("key"), pointer, violations) : null;
    for (Map.Entry<String, JsonNode> field : item.entries()) {
      checkField(field.getKey(), field.getValue(), pointer, violations);
    }
    checkRequired(item, pointer, violations);
    checkPartner(item, pointer, violations);
    checkLines(item.get("lines"), pointer + "/lines", violations);
    if (key != null) {
      checkMemoRoom(item.get("memo"), key, pointer, violations);
    }
  }

  /** The idempotency key rule, for the single-item endpoint's header. */
  public static boolean validKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  private String checkKey(JsonNode key, String pointer, Violations violations) {
    if (key == null || !key.isString() || !validKey(key.getStringValue())) {
      violations.add(pointer + "/key", "is required: 1-128 characters of A-Z a-z 0-9 . _ : @ / -");
      return null;
    }
    return key.getStringValue();
  }

  private void checkField(String name, JsonNode value, String pointer, Violations violations) {
    if (name.equals("key") || name.equals("lines")) {
      return;
    }
    if (name.equals("company_id")) {
      violations.add(pointer + "/company_id", "must be left out: it comes from FREEE_COMPANY_ID");
      return;
    }
    FieldRule rule = FreeeFields.INVOICE.get(name);
    if (rule == null) {
      violations.add(pointer + "/" + shown(name), "is not a freee invoice field");
      return;
    }
    rule.check(value).ifPresent(m -> violations.add(pointer + "/" + name, m));
  }

  private void checkRequired(JsonNode item, String pointer, Violations violations) {
    if (item.get("billing_date") == null) {
      violations.add(pointer + "/billing_date", "is required");
    }
    for (String name : REQUIRED_WITH_DEFAULT) {
      if (item.get(name) == null && !defaults.containsKey(name)) {
        violations.add(pointer + "/" + name, "is required (or set a DEFAULT_ for it)");
      }
    }
  }

  private void checkPartner(JsonNode item, String pointer, Violations violations) {
    boolean byId = item.get("partner_id") != null;
    boolean byCode = item.get("partner_code") != null;
    if (byId == byCode) {
      violations.add(pointer + "/partner_id", "give exactly one of partner_id or partner_code");
    }
  }

  private void checkLines(JsonNode lines, String pointer, Violations violations) {
    if (lines == null || !lines.isArray() || lines.size() == 0) {
      violations.add(pointer, "is required: a non-empty list of invoice lines");
      return;
    }
    if (lines.size() > MAX_LINES) {
      violations.add(pointer, "may hold at most " + MAX_LINES + " lines");
      return;
    }
    int index = 0;
    for (JsonNode line : lines.values()) {
      LineValidator.validate(line, pointer + "/" + index++, violations);
    }
  }

  private void checkMemoRoom(JsonNode memo, String key, String pointer, Violations violations) {
    int room = InvoiceMarker.roomForMemo(key);
    if (memo != null && memo.isString() && memo.getStringValue().length() > room) {
      violations.add(
          pointer + "/memo",
          "may hold at most " + room + " characters: the bridge appends its marker");
    }
  }

  /**
   * A field name as a pointer segment (RFC 6901 escapes); a caller's unknown name longer than
   * {@value #SHOWN_NAME_LENGTH} characters is cut there and ends with {@code …}, so the answer
   * stays small whatever the body holds.
   */
  static String shown(String name) {
    String cut =
        name.codePointCount(0, name.length()) <= SHOWN_NAME_LENGTH
            ? name
            : name.substring(0, name.offsetByCodePoints(0, SHOWN_NAME_LENGTH)) + "…";
    return cut.replace("~", "~0").replace("/", "~1");
  }
}
