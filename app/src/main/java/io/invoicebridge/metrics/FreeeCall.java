package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * One call to freee ended.
 *
 * @param operation what was asked ({@code create invoice}, {@code list invoices}, ...)
 * @param statusCode freee's HTTP status; 0 when no answer came
 */
public record FreeeCall(String operation, int statusCode, long durationMs)
    implements OperationalEvent {

  @Override
  public String name() {
    return "freee_call";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("operation", operation)
        .with("status_code", statusCode)
        .with("duration_ms", durationMs)
        .build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.count("FreeeCalls"), Metric.millis("FreeeLatency", durationMs));
  }
}
