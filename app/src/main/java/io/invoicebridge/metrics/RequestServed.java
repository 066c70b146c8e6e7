package io.invoicebridge.metrics;

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
  public EventLine line() {
    return EventLine.named("request")
        .field("method", method)
        .field("status_code", statusCode)
        .field("duration_ms", durationMs)
        // A string: it is a dimension, and dimension values are strings.
        .field("over_budget", Boolean.toString(overBudget))
        .field("cold_start", coldStart ? 1 : 0)
        .dimension("over_budget")
        .metric(Metric.count("Requests"))
        .metric(Metric.millis("RequestLatency", durationMs))
        .metric("ColdStarts", "Count", coldStart ? 1 : 0);
  }
}
