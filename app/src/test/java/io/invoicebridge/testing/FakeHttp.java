package io.invoicebridge.testing;

import com.sun.net.httpserver.HttpExchange;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the fake's exchanges: reading forms and JSON, writing freee-shaped answers. */
final class FakeHttp {

  static final JsonMapper JSON = JsonMapper.createDefault();

  private FakeHttp() {}

  static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static JsonNode jsonBody(String body) {
    try {
      return JSON.readValue(body, JsonNode.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Query string or form body into a map (last value wins). */
  static Map<String, String> params(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(name), decode(value));
    }
    return params;
  }

  static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** freee's common error body. */
  static Map<String, Object> error(int status, String type, List<String> messages) {
    return Map.of(
        "status_code", status, "errors", List.of(Map.of("type", type, "messages", messages)));
  }

  /** Closes the TCP connection without any answer: the client sees an I/O error. */
  static void drop(HttpExchange exchange) {
    exchange.close();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
