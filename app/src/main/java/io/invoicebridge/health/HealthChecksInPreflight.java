package io.invoicebridge.health;

import jakarta.inject.Singleton;
import java.util.List;

/** The health checks (Redis, freee token, configuration) as preflight lines. */
@Singleton
class HealthChecksInPreflight implements PreflightCheck {

  private final List<HealthCheck> checks;

  HealthChecksInPreflight(List<HealthCheck> checks) {
    this.checks = checks;
  }

  @Override
  public List<CheckResult> run(boolean probeFreee) {
    return checks.stream()
        // a health check that is also a preflight check reports there itself, in its own words
        .filter(check -> !(check instanceof PreflightCheck))
        .map(HealthChecksInPreflight::line)
        .toList();
  }

  private static CheckResult line(HealthCheck check) {
    HealthFinding finding = HealthChecks.run(check);
    String detail = String.valueOf(finding.details());
    return finding.isUp()
        ? CheckResult.pass(check.name(), detail)
        : CheckResult.fail(check.name(), detail);
  }
}
