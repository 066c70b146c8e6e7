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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires {@code Authorization: Bearer <RUN_TOKEN>} on every {@code /v1} path, except the paths a
 * push queue delivers to when its {@link PushDeliveryVerifier} is present: those take the queue's
 * own token and never the run token. On the unauthenticated health paths a valid run token only
 * marks the caller as authenticated, which makes the health details visible. Where the cloud's own
 * authentication at the front door takes the Authorization header (a SigV4 signature on AWS, a
 * Microsoft Entra token on Azure: the stacks' iam_front_door), the run token comes in {@value
 * #RUN_TOKEN_HEADER} instead.
 */
@ServerFilter({"/v1/**", "/health", "/health/**"})
public class RunTokenFilter implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(RunTokenFilter.class);

  /** The run token's header for callers whose Authorization header belongs to the cloud. */
  public static final String RUN_TOKEN_HEADER = "Invoice-Bridge-Run-Token";

  private static final String BEARER = "Bearer ";
  private static final Principal OPERATOR = () -> "operator";
  private static final Principal PUSH_QUEUE = () -> "push-queue";

  private final RunToken runToken;
  private final @Nullable PushDeliveryVerifier pushDeliveries;

  public RunTokenFilter(BridgeConfig config, @Nullable PushDeliveryVerifier pushDeliveries) {
    this.runToken = config.runToken();
    this.pushDeliveries = pushDeliveries;
  }

  @RequestFilter
  public @Nullable HttpResponse<Problem> authenticate(HttpRequest<?> request) {
    if (pushDeliveries != null && pushDeliveries.guards(withoutTrailingSlash(request.getPath()))) {
      return verifyDelivery(pushDeliveries, request);
    }
    boolean valid =
        bearer(request).map(runToken::matches).orElse(false)
            || request
                .getHeaders()
                .findFirst(RUN_TOKEN_HEADER)
                .map(runToken::matches)
                .orElse(false);
    if (valid) {
      request.setUserPrincipal(OPERATOR);
      return null;
    }
    if (!request.getPath().startsWith("/v1")) {
      return null;
    }
    return unauthorized(
        "Send the header Authorization: Bearer <RUN_TOKEN>, or "
            + RUN_TOKEN_HEADER
            + ": <RUN_TOKEN> where the cloud's authentication takes Authorization");
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  private static @Nullable HttpResponse<Problem> verifyDelivery(
      PushDeliveryVerifier verifier, HttpRequest<?> request) {
    Optional<String> refusal;
    try {
      refusal = verifier.refusal(bearer(request).orElse(null));
    } catch (PushDeliveryUnverifiableException e) {
      LOG.warn("push delivery to {} not verified: {}", request.getPath(), e.getMessage());
      return ProblemResponses.of(
          Problem.of(
              ProblemType.UNAVAILABLE,
              "The queue's token cannot be checked now; the queue delivers again later"));
    }
    if (refusal.isEmpty()) {
      request.setUserPrincipal(PUSH_QUEUE);
      return null;
    }
    LOG.warn("push delivery to {} refused: {}", request.getPath(), refusal.get());
    return unauthorized("Only the queue's own token is accepted on this path");
  }

  private static HttpResponse<Problem> unauthorized(String detail) {
    return ProblemResponses.of(Problem.of(ProblemType.UNAUTHORIZED, detail))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"invoice-bridge\"");
  }

  private static String withoutTrailingSlash(String path) {
    int end = path.length();
    while (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  private static Optional<String> bearer(HttpRequest<?> request) {
    return request
        .getHeaders()
        .getAuthorization()
        .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        .map(value -> value.substring(BEARER.length()).trim());
  }
}
