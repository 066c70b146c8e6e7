package io.invoicebridge.invoice.validation;

import io.invoicebridge.config.InvoiceDefaults;
import io.invoicebridge.invoice.InvoiceMarker;
import io.invoicebridge.problem.Violation;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one item against freee's {@code InvoiceRequest} rules before anything is sent, so a batch
 * is refused as a whole (422) rather than half-created. Pointers are relative to the body.
 */
public final class InvoiceValidator {

  public static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:@/-]{1,128}$");
  private static final List<String> REQUIRED_WITH_DEFAULT =
      List.of("tax_entry_method", "tax_fraction", "withholding_tax_entry_method", "partner_title");

  private final Map<String, String> defaults;

  public InvoiceValidator(InvoiceDefaults defaults) {
    this.defaults = defaults.byField();
  }

  /** Every problem of the item at {@code pointer} (for example {@code /invoices/3}). */
  public List<Violation> validate(JsonNode item, String pointer, boolean keyInBody) {
    List<Violation> violations = new ArrayList<>();
    if (!item.isObject()) {
      violations.add(new Violation(pointer, "must be a JSON object (one freee InvoiceRequest)"));
      return violations;
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
    return violations;
  }

  /** The idempotency key rule, for the single-item endpoint's header. */
  public static boolean validKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  private String checkKey(JsonNode key, String pointer, List<Violation> violations) {
    if (key == null || !key.isString() || !validKey(key.getStringValue())) {
      violations.add(
          new Violation(
              pointer + "/key", "is required: 1-128 characters of A-Z a-z 0-9 . _ : @ / -"));
      return null;
    }
    return key.getStringValue();
  }

  private void checkField(String name, JsonNode value, String pointer, List<Violation> violations) {
    if (name.equals("key") || name.equals("lines")) {
      return;
    }
    if (name.equals("company_id")) {
      violations.add(
          new Violation(
              pointer + "/company_id", "must be left out: it comes from FREEE_COMPANY_ID"));
      return;
    }
    FieldRule rule = FreeeFields.INVOICE.get(name);
    if (rule == null) {
      violations.add(new Violation(pointer + "/" + escape(name), "is not a freee invoice field"));
      return;
    }
    rule.check(value).ifPresent(m -> violations.add(new Violation(pointer + "/" + name, m)));
  }

  private void checkRequired(JsonNode item, String pointer, List<Violation> violations) {
    if (item.get("billing_date") == null) {
      violations.add(new Violation(pointer + "/billing_date", "is required"));
    }
    for (String name : REQUIRED_WITH_DEFAULT) {
      if (item.get(name) == null && !defaults.containsKey(name)) {
        violations.add(
            new Violation(pointer + "/" + name, "is required (or set a DEFAULT_ for it)"));
      }
    }
  }

  private void checkPartner(JsonNode item, String pointer, List<Violation> violations) {
    boolean byId = item.get("partner_id") != null;
    boolean byCode = item.get("partner_code") != null;
    if (byId == byCode) {
      violations.add(
          new Violation(pointer + "/partner_id", "give exactly one of partner_id or partner_code"));
    }
  }

  private void checkLines(JsonNode lines, String pointer, List<Violation> violations) {
    if (lines == null || !lines.isArray() || lines.size() == 0) {
      violations.add(new Violation(pointer, "is required: a non-empty list of invoice lines"));
      return;
    }
    int index = 0;
    for (JsonNode line : lines.values()) {
      LineValidator.validate(line, pointer + "/" + index++, violations);
    }
  }

  private void checkMemoRoom(
      JsonNode memo, String key, String pointer, List<Violation> violations) {
    int room = InvoiceMarker.roomForMemo(key);
    if (memo != null && memo.isString() && memo.getStringValue().length() > room) {
      violations.add(
          new Violation(
              pointer + "/memo",
              "may hold at most " + room + " characters: the bridge appends its marker"));
    }
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
