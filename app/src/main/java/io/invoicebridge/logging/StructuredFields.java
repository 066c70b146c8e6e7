package io.invoicebridge.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed members a log line carries besides its MDC fields: passed as the last argument of a log
 * call, they become JSON numbers, booleans, strings, objects and arrays on a structured line (so a
 * log service can read numbers and CloudWatch its Embedded Metric Format block), and {@code
 * name=value} pairs of their scalars on a plain line. A member of this name wins over an MDC field.
 *
 * @param members in order; values are {@link Number}, {@link Boolean}, {@link CharSequence}, {@link
 *     Map} or {@link List} of those
 */
public record StructuredFields(Map<String, Object> members) {

  public StructuredFields {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** The members as the inside of a JSON object: {@code "a":1,"b":"x"} (empty when none). */
  String jsonMembers() {
    StringBuilder out = new StringBuilder(128);
    members.forEach((name, value) -> member(out, name, value));
    if (!out.isEmpty()) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** {@code name=value} for every scalar member, each preceded by a space. */
  String plainPairs() {
    StringBuilder out = new StringBuilder(64);
    members.forEach(
        (name, value) -> {
          if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            out.append(' ').append(name).append('=').append(value);
          }
        });
    return out.toString();
  }

  private static void member(StringBuilder out, String name, Object value) {
    out.append('"').append(BridgeLogLayout.escape(name)).append("\":");
    value(out, value);
    out.append(',');
  }

  private static void value(StringBuilder out, Object value) {
    switch (value) {
      case Number number -> out.append(finite(number));
      case Boolean flag -> out.append(flag);
      case Map<?, ?> map -> {
        out.append('{');
        map.forEach((name, inner) -> member(out, String.valueOf(name), inner));
        closeWith(out, '{', '}');
      }
      case List<?> list -> {
        out.append('[');
        list.forEach(
            inner -> {
              value(out, inner);
              out.append(',');
            });
        closeWith(out, '[', ']');
      }
      default -> out.append('"').append(BridgeLogLayout.escape(String.valueOf(value))).append('"');
    }
  }

  /** JSON has no NaN or infinity: those become 0 rather than an unreadable line. */
  private static String finite(Number number) {
    if (number instanceof Double d && !Double.isFinite(d)) {
      return "0";
    }
    return number.toString();
  }

  private static void closeWith(StringBuilder out, char open, char close) {
    if (out.charAt(out.length() - 1) != open) {
      out.setLength(out.length() - 1);
    }
    out.append(close);
  }
}
