package io.invoicebridge.metrics;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.logging.CorrelationFilter;
import io.invoicebridge.logging.LogFields;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * Reports every {@code /v1} answer (refusals included) as a {@link RequestServed} event before the
 * response leaves: its latency from the first filter on, and whether it exceeded the request
 * deadline. Health checks are left out so they do not dilute the latency objective.
 */
@ServerFilter("/v1/**")
public class RequestEventFilter implements Ordered {

  static final String STARTED = "invoice-bridge.started-nanos";

  private final OperationalEvents events;
  private final Duration budget;
  private final AtomicBoolean served = new AtomicBoolean();

  public RequestEventFilter(OperationalEvents events, BridgeConfig config) {
    this.events = events;
    this.budget = config.limits().requestTimeout();
  }

  @RequestFilter
  public void start(HttpRequest<?> request) {
    request.setAttribute(STARTED, System.nanoTime());
  }

  @ResponseFilter
  public void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
    long durationMs =
        request
            .getAttribute(STARTED, Long.class)
            .map(started -> Duration.ofNanos(System.nanoTime() - started).toMillis())
            .orElse(0L);
    boolean first = served.compareAndSet(false, true);
    RequestServed event =
        new RequestServed(
            request.getMethodName(),
            response.code(),
            durationMs,
            durationMs > budget.toMillis(),
            first);
    // Response filters may run on a thread without the request's log context; the line must still
    // be found by the request's correlation id, and whatever the thread had is put back after.
    String previous = MDC.get(LogFields.CORRELATION_ID);
    CorrelationFilter.of(request).ifPresent(id -> MDC.put(LogFields.CORRELATION_ID, id));
    try {
      events.emit(event);
    } finally {
      if (previous == null) {
        MDC.remove(LogFields.CORRELATION_ID);
      } else {
        MDC.put(LogFields.CORRELATION_ID, previous);
      }
    }
  }

  /** Right after the correlation filter, so the time covers authentication too. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }
}
