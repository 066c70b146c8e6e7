package io.invoicebridge.adapters.gcp;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Says {@code Connection: close} on an error answer to a request that carries a body. Such answers
 * (401 before authentication, 404, 413) usually go out before the body is read, and Jetty, which
 * serves the function under Google's invoker, then drops the kept-alive connection without saying
 * so when the body had not fully arrived: the caller's next request on it would get no answer at
 * all. Said, the caller opens a new connection instead. Successful answers keep theirs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CloseAfterErrorWithBody implements Ordered {

  @ResponseFilter
  void close(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.code() >= 400 && carriesBody(request)) {
      response.header(HttpHeaders.CONNECTION, "close");
    }
  }

  private static boolean carriesBody(HttpRequest<?> request) {
    return request.getContentLength() > 0
        || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /** First in, so last out: it sees the answers of every other filter, the bearer check's too. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.before();
  }
}
