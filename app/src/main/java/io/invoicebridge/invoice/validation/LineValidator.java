package io.invoicebridge.invoice.validation;

import io.invoicebridge.problem.Violations;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;

/** Checks one invoice line: item lines need quantity and tax rate, text lines only text. */
final class LineValidator {

  private LineValidator() {}

  static void validate(JsonNode line, String pointer, Violations violations) {
    if (!line.isObject()) {
      violations.add(pointer, "must be a JSON object (one invoice line)");
      return;
    }
    boolean textLine =
        line.get("type") != null
            && line.get("type").isString()
            && "text".equals(line.get("type").getStringValue());
    for (Map.Entry<String, JsonNode> field : line.entries()) {
      String name = field.getKey();
      FieldRule rule = FreeeFields.LINE.get(name);
      if (rule == null) {
        violations.add(
            pointer + "/" + InvoiceValidator.shown(name), "is not a freee invoice line field");
      } else if (textLine && !FreeeFields.TEXT_LINE.contains(name)) {
        violations.add(pointer + "/" + name, "is not allowed on a text line");
      } else {
        rule.check(field.getValue()).ifPresent(m -> violations.add(pointer + "/" + name, m));
      }
    }
    if (textLine) {
      return;
    }
    requireField(line, "quantity", pointer, violations);
    requireField(line, "tax_rate", pointer, violations);
    JsonNode reduced = line.get("reduced_tax_rate");
    JsonNode rate = line.get("tax_rate");
    boolean reducedOn = reduced != null && reduced.isBoolean() && reduced.getBooleanValue();
    if (reducedOn && (rate == null || !rate.isNumber() || rate.getNumberValue().intValue() != 8)) {
      violations.add(pointer + "/reduced_tax_rate", "applies only with tax_rate 8");
    }
  }

  private static void requireField(
      JsonNode line, String name, String pointer, Violations violations) {
    if (line.get(name) == null) {
      violations.add(pointer + "/" + name, "is required on an item line");
    }
  }
}
