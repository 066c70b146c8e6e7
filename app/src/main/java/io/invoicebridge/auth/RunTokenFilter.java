package io.invoicebridge.auth;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.config.RunToken;
import io.invoicebridge.problem.Problem;
import io.invoicebridge.problem.ProblemResponses;
import io.invoicebridge.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.security.Principal;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <RUN_TOKEN>} on every {@code /v1} path. On the
 * unauthenticated health paths a valid token only marks the caller as authenticated, which makes
 * the health details visible.
 */
@ServerFilter({"/v1/**", "/health", "/health/**"})
public class RunTokenFilter implements Ordered {

  private static final String BEARER = "Bearer ";
  private static final Principal OPERATOR = () -> "operator";

  private final RunToken runToken;

  public RunTokenFilter(BridgeConfig config) {
    this.runToken = config.runToken();
  }

  @RequestFilter
  public @Nullable HttpResponse<Problem> authenticate(HttpRequest<?> request) {
    boolean valid = bearer(request).map(runToken::matches).orElse(false);
    if (valid) {
      request.setUserPrincipal(OPERATOR);
      return null;
    }
    if (!request.getPath().startsWith("/v1")) {
      return null;
    }
    return ProblemResponses.of(
            Problem.of(
                ProblemType.UNAUTHORIZED, "Send the header Authorization: Bearer <RUN_TOKEN>"))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"invoice-bridge\"");
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  private static Optional<String> bearer(HttpRequest<?> request) {
    return request
        .getHeaders()
        .getAuthorization()
        .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(value -> value.substring(BEARER.length()).trim());
  }
}
