package io.invoicebridge.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a client's request into the payload 2.0 event a function URL or an HTTP API would send (see
 * {@code src/test/resources/events/README.md}), and the handler's response back into what the
 * client receives.
 */
final class Payload2Events {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Payload2Events() {}

  static ObjectNode event(ObjectNode template, HttpCall call, String requestId) {
    ObjectNode event = template.deepCopy();
    event.put("rawPath", call.path());
    event.put("rawQueryString", call.rawQuery());
    putOrRemove(event, "queryStringParameters", queryParameters(call));
    ObjectNode headers = (ObjectNode) event.path("headers");
    call.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    putOrRemove(event, "cookies", cookies(headers.remove("cookie")));
    if (headers.has("content-length")) {
      headers.put("content-length", Integer.toString(call.body().length));
    }
    putBody(event, call);
    ObjectNode context = (ObjectNode) event.path("requestContext");
    ((ObjectNode) context.path("http")).put("method", call.method()).put("path", call.path());
    context.put("requestId", requestId);
    if (event.path("pathParameters").has("proxy")) {
      ((ObjectNode) event.path("pathParameters")).put("proxy", call.path().substring(1));
    }
    return event;
  }

  static HttpAnswer answer(JsonNode response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .path("headers")
        .properties()
        .forEach(
            h ->
                headers
                    .computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                    .add(h.getValue().asText()));
    response
        .path("multiValueHeaders")
        .properties()
        .forEach(
            h ->
                h.getValue()
                    .forEach(
                        v ->
                            headers
                                .computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                                .add(v.asText())));
    response
        .path("cookies")
        .forEach(
            c -> headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).add(c.asText()));
    String body = response.path("body").asText("");
    byte[] bytes =
        response.path("isBase64Encoded").asBoolean()
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    return new HttpAnswer(response.path("statusCode").asInt(), headers, bytes);
  }

  /** Decoded, repeated values joined with commas, as payload 2.0 carries them. */
  private static ObjectNode queryParameters(HttpCall call) {
    ObjectNode parameters = JSON.createObjectNode();
    call.queryParameters()
        .forEach((name, values) -> parameters.put(name, String.join(",", values)));
    return parameters;
  }

  private static ArrayNode cookies(JsonNode cookieHeader) {
    ArrayNode cookies = JSON.createArrayNode();
    if (cookieHeader != null) {
      for (String cookie : cookieHeader.asText().split(";")) {
        cookies.add(cookie.trim());
      }
    }
    return cookies;
  }

  private static void putBody(ObjectNode event, HttpCall call) {
    if (call.body().length == 0) {
      event.remove("body");
      event.put("isBase64Encoded", false);
      return;
    }
    boolean text = call.header("Content-Type").map(Payload2Events::isText).orElse(false);
    event.put(
        "body",
        text
            ? new String(call.body(), StandardCharsets.UTF_8)
            : Base64.getEncoder().encodeToString(call.body()));
    event.put("isBase64Encoded", !text);
  }

  private static boolean isText(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json");
  }

  private static void putOrRemove(ObjectNode event, String field, JsonNode value) {
    if (value.isEmpty()) {
      event.remove(field);
    } else {
      event.set(field, value);
    }
  }
}
