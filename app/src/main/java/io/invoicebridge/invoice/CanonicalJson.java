package io.invoicebridge.invoice;

import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical JSON text of a tree (object keys sorted, no white space, numbers in plain normalised
 * form), so the same payload always hashes the same however the caller ordered it.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static String sha256(JsonNode node) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(write(node, new StringBuilder()).toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static StringBuilder write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.entries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      sorted.forEach((name, value) -> write(value, string(name, out).append(':')).append(','));
      return trimComma(out, sorted.isEmpty()).append('}');
    }
    if (node.isArray()) {
      out.append('[');
      node.values().forEach(value -> write(value, out).append(','));
      return trimComma(out, node.size() == 0).append(']');
    }
    if (node.isString()) {
      return string(node.getStringValue(), out);
    }
    if (node.isNumber()) {
      return out.append(
          new BigDecimal(node.getNumberValue().toString()).stripTrailingZeros().toPlainString());
    }
    return out.append(node.isBoolean() ? String.valueOf(node.getBooleanValue()) : "null");
  }

  private static StringBuilder trimComma(StringBuilder out, boolean empty) {
    if (!empty) {
      out.setLength(out.length() - 1);
    }
    return out;
  }

  private static StringBuilder string(String value, StringBuilder out) {
    out.append('"');
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                  if (c < 0x20) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"');
  }
}
