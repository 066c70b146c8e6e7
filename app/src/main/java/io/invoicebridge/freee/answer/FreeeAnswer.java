package io.invoicebridge.freee.answer;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer from freee, whatever its status. Header names are case-insensitive because freee's
 * casing varies ({@code X-RateLimit-*} next to {@code X-Ratelimit-*-Minute}).
 */
public record FreeeAnswer(int status, Map<String, String> headers, String body, Duration duration) {

  public static final String REQUEST_ID_HEADER = "X-Freee-Request-ID";

  public FreeeAnswer {
    TreeMap<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    insensitive.putAll(headers);
    headers = Collections.unmodifiableMap(insensitive);
    body = body == null ? "" : body;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  @Nullable
  public String requestId() {
    return headers.get(REQUEST_ID_HEADER);
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** Never the body: it may hold invoice data or tokens. */
  @Override
  public String toString() {
    return "FreeeAnswer[status=" + status + ", requestId=" + requestId() + "]";
  }
}
