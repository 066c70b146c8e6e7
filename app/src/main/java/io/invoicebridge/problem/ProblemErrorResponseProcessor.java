package io.invoicebridge.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Makes the framework's own errors (unknown route, wrong method, body too large for the server,
 * undecodable body, unexpected exceptions) problem+json like every other error of the API. A 500
 * says nothing of its cause: the cause is logged, not sent.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    ProblemType type = typeFor(response.code());
    String detail =
        type == ProblemType.INTERNAL || !context.hasErrors()
            ? type.title()
            : context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    Problem problem = Problem.of(type, detail);
    return response.body(problem).contentType(Problem.MEDIA_TYPE);
  }

  private static ProblemType typeFor(int status) {
    return Arrays.stream(ProblemType.values())
        .filter(type -> type.status() == status)
        .findFirst()
        .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_BODY);
  }
}
