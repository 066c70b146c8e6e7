package io.invoicebridge.logging;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the correlation id of a request: the caller's {@code X-Request-Id}, the cloud's own
 * invocation id, then the trace id of {@code traceparent}, {@code X-Cloud-Trace-Context} or {@code
 * X-Amzn-Trace-Id}; a new one when none is present.
 */
final class CorrelationIds {

  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._:/=-]{1,128}$");
  private static final Pattern TRACEPARENT =
      Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
  private static final Pattern CLOUD_TRACE = Pattern.compile("^([0-9a-fA-F]{1,64})(/.*)?$");
  private static final Pattern AMZN_ROOT = Pattern.compile("(?:^|;)Root=([0-9a-fA-F-]{1,64})");

  private CorrelationIds() {}

  static String choose(HttpRequest<?> request, List<PlatformRequestId> platforms) {
    return header(request, REQUEST_ID_HEADER)
        .filter(id -> SAFE_ID.matcher(id).matches())
        .or(() -> platforms.stream().flatMap(p -> p.of(request).stream()).findFirst())
        .or(() -> group(header(request, "traceparent"), TRACEPARENT))
        .or(() -> googleTraceId(request))
        .or(() -> header(request, "X-Amzn-Trace-Id").flatMap(v -> find(v, AMZN_ROOT)))
        .filter(id -> SAFE_ID.matcher(id).matches())
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  /** The trace id of Google's {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=1}. */
  static Optional<String> googleTraceId(HttpRequest<?> request) {
    return group(header(request, "X-Cloud-Trace-Context"), CLOUD_TRACE);
  }

  private static Optional<String> header(HttpRequest<?> request, String name) {
    return Optional.ofNullable(request.getHeaders().get(name)).map(String::trim);
  }

  private static Optional<String> group(Optional<String> value, Pattern pattern) {
    return value.map(pattern::matcher).filter(Matcher::matches).map(m -> m.group(1));
  }

  private static Optional<String> find(String value, Pattern pattern) {
    Matcher matcher = pattern.matcher(value);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
