package io.invoicebridge.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A response as a client receives it; header names compare without case, as in HTTP. */
public record HttpAnswer(int status, Map<String, List<String>> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpAnswer {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    headers = copy;
    body = body == null ? new byte[0] : body.clone();
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name))
        .filter(values -> !values.isEmpty())
        .map(List::getFirst);
  }

  /** The media type without parameters, lower case; empty when absent. */
  public String mediaType() {
    return header("Content-Type").map(value -> value.split(";")[0].trim().toLowerCase()).orElse("");
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON (status " + status + "): " + text(), e);
    }
  }
}
