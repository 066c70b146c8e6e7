package io.invoicebridge.logging;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Optional;

/**
 * Gives every request a correlation id (kept as a request attribute for {@link RequestLogContext})
 * and echoes it as {@code X-Request-Id} on every response, errors included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CorrelationFilter implements Ordered {

  static final String ATTRIBUTE = "invoice-bridge.correlation-id";

  private final List<PlatformRequestId> platforms;

  public CorrelationFilter(List<PlatformRequestId> platforms) {
    this.platforms = platforms;
  }

  /** The correlation id this filter gave {@code request}, once it has run. */
  public static Optional<String> of(HttpRequest<?> request) {
    return request.getAttribute(ATTRIBUTE, String.class);
  }

  @RequestFilter
  public void assign(HttpRequest<?> request) {
    request.setAttribute(ATTRIBUTE, CorrelationIds.choose(request, platforms));
  }

  @ResponseFilter
  public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(ATTRIBUTE, String.class)
        .ifPresent(id -> response.header(CorrelationIds.REQUEST_ID_HEADER, id));
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }
}
