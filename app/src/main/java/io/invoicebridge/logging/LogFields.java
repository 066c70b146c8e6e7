package io.invoicebridge.logging;

/** Names of the MDC fields every structured line may carry (docs/operations.md, "Logs"). */
public final class LogFields {

  public static final String CORRELATION_ID = "correlation_id";

  /** Google's trace resource name, {@code projects/P/traces/T}, when the request carried one. */
  public static final String GOOGLE_TRACE = "trace";

  public static final String KEY = "key";
  public static final String STATUS = "status";
  public static final String ATTEMPT = "attempt";
  public static final String FREEE_REQUEST_ID = "freee_request_id";
  public static final String DURATION_MS = "duration_ms";

  private LogFields() {}
}
