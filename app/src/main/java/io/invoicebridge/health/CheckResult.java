package io.invoicebridge.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** One line of the operations checklist, evaluated live. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckResult(String name, Verdict verdict, String detail) {

  /** pass: fine; warn: works but an operator should look; fail: will not work as deployed. */
  @Serdeable
  // the wire names for the OpenAPI description (OpenApiDescriptionTest checks them)
  @Schema(allowableValues = {"pass", "warn", "fail"})
  public enum Verdict {
    PASS,
    WARN,
    FAIL;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static CheckResult pass(String name, String detail) {
    return new CheckResult(name, Verdict.PASS, detail);
  }

  public static CheckResult warn(String name, String detail) {
    return new CheckResult(name, Verdict.WARN, detail);
  }

  public static CheckResult fail(String name, String detail) {
    return new CheckResult(name, Verdict.FAIL, detail);
  }
}
