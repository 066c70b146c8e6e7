package io.invoicebridge.metrics;

/**
 * One call to freee ended.
 *
 * @param operation what was asked ({@code create invoice}, {@code list invoices}, ...)
 * @param statusCode freee's HTTP status; 0 when no answer came
 */
public record FreeeCall(String operation, int statusCode, long durationMs)
    implements OperationalEvent {

  @Override
  public EventLine line() {
    return EventLine.named("freee_call")
        .field("operation", operation)
        .field("status_code", statusCode)
        .field("duration_ms", durationMs)
        .metric(Metric.count("FreeeCalls"))
        .metric(Metric.millis("FreeeLatency", durationMs));
  }
}
