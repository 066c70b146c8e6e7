package io.invoicebridge.logging;

import io.micronaut.http.HttpRequest;
import org.slf4j.MDC;

/**
 * Puts the request's correlation id (and Google's trace, when present) on every log line written by
 * the current thread until closed. Controllers open it because the request may be served on a
 * different thread than the filters ran on.
 */
public final class RequestLogContext implements AutoCloseable {

  private RequestLogContext() {}

  public static RequestLogContext open(HttpRequest<?> request) {
    MDC.clear();
    request
        .getAttribute(CorrelationFilter.ATTRIBUTE, String.class)
        .ifPresent(id -> MDC.put(LogFields.CORRELATION_ID, id));
    CorrelationIds.googleTraceId(request)
        .flatMap(
            trace ->
                request
                    .getAttribute(GoogleTrace.PROJECT_ATTRIBUTE, String.class)
                    .map(project -> "projects/" + project + "/traces/" + trace))
        .ifPresent(resource -> MDC.put(LogFields.GOOGLE_TRACE, resource));
    return new RequestLogContext();
  }

  @Override
  public void close() {
    MDC.clear();
  }
}
