package io.invoicebridge.metrics;

/**
 * freee held the app back: a 429 ({@code rate_limited}) or a 403 block for excessive access ({@code
 * excessive_access}, about ten minutes).
 */
public record FreeeThrottled(String operation, int statusCode, String reason)
    implements OperationalEvent {

  public static final String RATE_LIMITED = "rate_limited";
  public static final String EXCESSIVE_ACCESS = "excessive_access";

  @Override
  public EventLine line() {
    return EventLine.named("freee_throttled")
        .field("operation", operation)
        .field("status_code", statusCode)
        .field("reason", reason)
        .metric(Metric.count("FreeeThrottled"));
  }
}
