package io.invoicebridge.metrics;

/**
 * Where the app reports what an operator watches (ops/service.yaml). A function freezes between
 * invocations, so nothing is buffered or exported in the background: {@link #emit} has written the
 * event when it returns.
 */
@FunctionalInterface
public interface OperationalEvents {

  /** For code built outside the application context (tools, unit tests) that reports nothing. */
  OperationalEvents IGNORED = event -> {};

  /** Writes the event synchronously; never throws (a failed write must not fail a request). */
  void emit(OperationalEvent event);
}
