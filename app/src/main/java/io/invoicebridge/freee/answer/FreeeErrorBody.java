package io.invoicebridge.freee.answer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What freee said in an error body, read leniently: the API's {@code {"status_code":..,
 * "errors":[{"type":..,"messages":[..]}]}}, its 401 {@code {"message":..,"code":..}} and the token
 * endpoint's {@code {"error":..,"error_description":..}}. Anything unreadable yields no code and no
 * messages.
 *
 * @param code freee's machine-readable code ({@code code} or {@code error}), if any
 */
public record FreeeErrorBody(@Nullable String code, List<String> messages) {

  private static final FreeeErrorBody EMPTY = new FreeeErrorBody(null, List.of());

  public FreeeErrorBody {
    messages = List.copyOf(messages);
  }

  /** The body of an answer that is not an error. */
  public static FreeeErrorBody none() {
    return EMPTY;
  }

  public static FreeeErrorBody parse(JsonMapper json, String body) {
    if (body == null || body.isBlank()) {
      return EMPTY;
    }
    try {
      JsonNode root = json.readValue(body, JsonNode.class);
      if (root == null || !root.isObject()) {
        return EMPTY;
      }
      String code = text(root, "code");
      return new FreeeErrorBody(code != null ? code : text(root, "error"), messages(root));
    } catch (IOException | RuntimeException e) {
      return EMPTY;
    }
  }

  public boolean hasCode(String expected) {
    return expected.equals(code);
  }

  private static List<String> messages(JsonNode root) {
    List<String> messages = new ArrayList<>();
    JsonNode errors = root.get("errors");
    if (errors != null && errors.isArray()) {
      for (JsonNode error : errors.values()) {
        addStrings(messages, error.get("messages"));
        addStrings(messages, error.get("message"));
      }
    }
    addStrings(messages, root.get("message"));
    addStrings(messages, root.get("messages"));
    addStrings(messages, root.get("error_description"));
    return messages;
  }

  private static void addStrings(List<String> into, @Nullable JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isString()) {
      into.add(node.getStringValue());
    } else if (node.isArray()) {
      node.values().forEach(value -> addStrings(into, value));
    }
  }

  /** A field of a JSON object as text, null when absent or not text. */
  @Nullable
  public static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isString() ? value.getStringValue() : null;
  }
}
