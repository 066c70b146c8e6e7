package io.invoicebridge.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed OpenAPI description of the API (docs/openapi.yml), read by Atlassian's
 * swagger-request-validator. A request answered 2xx must be described in full (path, method,
 * parameters, security, body); for any other answer the client may have sent something undescribed
 * on purpose, so only its operation must be. Every answer must be described: its status, its
 * headers and its body's shape (a field the description does not name is a problem too). A path
 * outside the API answered 404 or 401 needs no description.
 */
final class ApiDescription {

  /** Set by the pom; the default works when the tests run from the conformance module. */
  private static final Path FILE =
      Path.of(System.getProperty("openapi.description", "../docs/openapi.yml"));

  private static ApiDescription committed;

  private final OpenApiInteractionValidator validator;

  private ApiDescription(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** docs/openapi.yml, read once per test run. */
  static synchronized ApiDescription committed() {
    if (committed == null) {
      if (!Files.isRegularFile(FILE)) {
        throw new IllegalStateException("no OpenAPI description at " + FILE.toAbsolutePath());
      }
      committed =
          new ApiDescription(
              OpenApiInteractionValidator.createForSpecificationUrl(FILE.toUri().toString())
                  .build());
    }
    return committed;
  }

  /** What the description does not allow in this exchange, one line each; empty when none. */
  List<String> problems(HttpCall call, HttpAnswer answer) {
    Request request = request(call);
    ValidationReport report =
        answer.status() / 100 == 2
            ? validator.validate(request, response(answer))
            : validator.validateResponse(call.path(), request.getMethod(), response(answer));
    List<ValidationReport.Message> errors =
        report.getMessages().stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .toList();
    if (refusedOutsideTheApi(answer, errors)) {
      return List.of();
    }
    return errors.stream().map(message -> message.getKey() + ": " + message.getMessage()).toList();
  }

  /**
   * A path the API does not have (a management endpoint a client probes, say) answered 404 or 401:
   * the description is right not to name it.
   */
  private static boolean refusedOutsideTheApi(
      HttpAnswer answer, List<ValidationReport.Message> errors) {
    return (answer.status() == 404 || answer.status() == 401)
        && !errors.isEmpty()
        && errors.stream().allMatch(m -> m.getKey().equals("validation.request.path.missing"));
  }

  private static Request request(HttpCall call) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(call.method(), call.path());
    call.headers().forEach(request::withHeader);
    call.queryParameters().forEach(request::withQueryParam);
    if (call.body().length > 0) {
      request.withBody(call.body());
    }
    return request.build();
  }

  private static SimpleResponse response(HttpAnswer answer) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
    answer.headers().forEach(response::withHeader);
    if (answer.body().length > 0) {
      response.withBody(answer.body());
    }
    return response.build();
  }
}
