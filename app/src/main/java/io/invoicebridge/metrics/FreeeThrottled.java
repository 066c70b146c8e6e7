package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * freee held the app back: a 429 ({@code rate_limited}) or a 403 block for excessive access ({@code
 * excessive_access}, about ten minutes).
 */
public record FreeeThrottled(String operation, int statusCode, String reason)
    implements OperationalEvent {

  public static final String RATE_LIMITED = "rate_limited";
  public static final String EXCESSIVE_ACCESS = "excessive_access";

  @Override
  public String name() {
    return "freee_throttled";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("operation", operation)
        .with("status_code", statusCode)
        .with("reason", reason)
        .build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.count("FreeeThrottled"));
  }
}
