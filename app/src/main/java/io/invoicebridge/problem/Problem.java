package io.invoicebridge.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable and machine-readable; {@code detail} is for
 * people and never holds a secret or a stack trace.
 *
 * @param errors the invalid fields, for validation problems
 * @param limit the limit exceeded, for 413
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @Nullable List<Violation> errors,
    @Nullable Integer limit) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:invoice-bridge:problem:";

  public static Problem of(ProblemType type, String detail) {
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, null);
  }

  public Problem withErrors(List<Violation> violations) {
    return new Problem(type, title, status, detail, List.copyOf(violations), limit);
  }

  public Problem withLimit(int value) {
    return new Problem(type, title, status, detail, errors, value);
  }
}
