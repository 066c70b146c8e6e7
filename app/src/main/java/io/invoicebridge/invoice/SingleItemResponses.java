package io.invoicebridge.invoice;

import io.invoicebridge.problem.Problem;
import io.invoicebridge.problem.ProblemResponses;
import io.invoicebridge.problem.ProblemType;
import io.invoicebridge.problem.Violation;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/**
 * Maps one item's result onto the single-item endpoint's statuses (IETF idempotency-key draft): 201
 * created, 200 replayed with {@code Idempotent-Replayed: true}, 409 in progress, 422 conflict or
 * refusal, 502/503 transient failure (503 also for an item held back by a quota window, a freee
 * pause or the outage breaker), 504 no time left.
 */
final class SingleItemResponses {

  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private SingleItemResponses() {}

  static MutableHttpResponse<?> of(ItemResult result) {
    return switch (result.status()) {
      case CREATED -> HttpResponse.created(result);
      case REPLAYED -> HttpResponse.ok(result).header(REPLAYED_HEADER, "true");
      case DRY_RUN -> HttpResponse.ok(result);
      case IN_PROGRESS -> problem(ProblemType.IN_PROGRESS, result);
      case CONFLICT -> problem(ProblemType.KEY_CONFLICT, result);
      case REJECTED -> problem(ProblemType.REJECTED_BY_FREEE, result);
      case FAILED ->
          problem(
              result.attempts() == 0 ? ProblemType.UNAVAILABLE : ProblemType.FREEE_FAILURE, result);
      case NOT_ATTEMPTED ->
          problem(result.hasKnownWait() ? ProblemType.UNAVAILABLE : ProblemType.DEADLINE, result);
    };
  }

  private static MutableHttpResponse<?> problem(ProblemType type, ItemResult result) {
    Problem problem = Problem.of(type, result.detail() == null ? type.title() : result.detail());
    if (result.errors() != null) {
      List<Violation> errors =
          result.errors().stream().map(message -> new Violation("", message)).toList();
      problem = problem.withErrors(errors, errors.size());
    }
    MutableHttpResponse<Problem> response = ProblemResponses.of(problem);
    if (result.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(result.retryAfter()));
    }
    return response;
  }
}
