package io.invoicebridge.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an event's ordered fields, leaving out those whose value is unknown (null). */
final class Fields {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  static Fields of() {
    return new Fields();
  }

  Fields with(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  Map<String, Object> build() {
    return fields;
  }
}
