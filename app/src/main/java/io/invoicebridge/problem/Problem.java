package io.invoicebridge.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable and machine-readable; {@code detail} is for
 * people and never holds a secret or a stack trace.
 *
 * @param errors the invalid fields, for validation problems: the first {@link Violations#KEPT}
 * @param limit the limit exceeded, for 413
 * @param errorCount how many invalid fields there were, listed or not
 * @param parameter the path or query parameter that is invalid, for {@code invalid-parameter}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @Nullable List<Violation> errors,
    @Nullable Integer limit,
    @Nullable Integer errorCount,
    @Nullable String parameter) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:invoice-bridge:problem:";

  public static Problem of(ProblemType type, String detail) {
    return new Problem(
        TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, null, null, null);
  }

  /** {@code violations} listed, out of {@code count} found. */
  public Problem withErrors(List<Violation> violations, int count) {
    return new Problem(
        type, title, status, detail, List.copyOf(violations), limit, count, parameter);
  }

  public Problem withLimit(int value) {
    return new Problem(type, title, status, detail, errors, value, errorCount, parameter);
  }

  /** Names the invalid path or query parameter. */
  public Problem withParameter(String name) {
    return new Problem(type, title, status, detail, errors, limit, errorCount, name);
  }
}
