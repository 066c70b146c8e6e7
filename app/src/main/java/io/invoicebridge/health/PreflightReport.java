package io.invoicebridge.health;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The evaluated checklist; {@code verdict} is the worst of its checks. */
@Serdeable
public record PreflightReport(CheckResult.Verdict verdict, List<CheckResult> checks) {

  public static PreflightReport of(List<CheckResult> checks) {
    CheckResult.Verdict worst =
        checks.stream()
            .map(CheckResult::verdict)
            .max(Enum::compareTo)
            .orElse(CheckResult.Verdict.PASS);
    return new PreflightReport(worst, List.copyOf(checks));
  }
}
