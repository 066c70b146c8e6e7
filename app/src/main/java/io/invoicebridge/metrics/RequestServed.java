package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * A {@code /v1} request was answered.
 *
 * @param overBudget the answer came after the request deadline ({@code REQUEST_TIMEOUT_MS})
 * @param coldStart the first request this instance served
 */
public record RequestServed(
    String method, int statusCode, long durationMs, boolean overBudget, boolean coldStart)
    implements OperationalEvent {

  @Override
  public String name() {
    return "request";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("method", method)
        .with("status_code", statusCode)
        .with("duration_ms", durationMs)
        // A string: it is a dimension, and dimension values are strings.
        .with("over_budget", Boolean.toString(overBudget))
        .with("cold_start", coldStart ? 1 : 0)
        .build();
  }

  @Override
  public List<List<String>> dimensions() {
    return List.of(List.of("over_budget"));
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.count("Requests"),
        Metric.millis("RequestLatency", durationMs),
        new Metric("ColdStarts", "Count", coldStart ? 1 : 0));
  }
}
