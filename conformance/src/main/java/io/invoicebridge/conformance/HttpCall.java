package io.invoicebridge.conformance;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a client sends it.
 *
 * @param target the path with its query, for example {@code /v1/invoices?key=a%2Fb}
 * @param headers in the case the client wrote them; entry points may change the case
 * @param body empty for none
 */
public record HttpCall(String method, String target, Map<String, String> headers, byte[] body) {

  public HttpCall {
    headers = Map.copyOf(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body.clone();
  }

  public static HttpCall get(String target, Map<String, String> headers) {
    return new HttpCall("GET", target, headers, null);
  }

  public static HttpCall post(String target, Map<String, String> headers, String json) {
    return new HttpCall("POST", target, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  public String path() {
    return URI.create(target).getRawPath();
  }

  /** The raw (still percent-encoded) query, empty when there is none. */
  public String rawQuery() {
    return Optional.ofNullable(URI.create(target).getRawQuery()).orElse("");
  }

  /** The query's parameters, decoded, each with its values in the order sent. */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery().split("&")) {
      if (!pair.isEmpty()) {
        String[] nameValue = pair.split("=", 2);
        parameters
            .computeIfAbsent(decode(nameValue[0]), name -> new ArrayList<>())
            .add(nameValue.length > 1 ? decode(nameValue[1]) : "");
      }
    }
    return parameters;
  }

  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
