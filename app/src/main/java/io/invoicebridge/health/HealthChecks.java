package io.invoicebridge.health;

import io.invoicebridge.health.HealthCheck.Probe;
import io.invoicebridge.health.HealthFinding.Status;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's health checks as {@code /health} asks them: an operator's question runs every
 * selected check afresh and sees each finding; an anonymous probe gets the status only, from {@link
 * HealthCache} and without the {@link DetailsOnly} checks (anyone can send these probes, so they
 * must cost nearly nothing). The status is DOWN when any selected check is.
 */
@Singleton
class HealthChecks {

  private final List<HealthCheck> checks;
  private final HealthCache cache;

  HealthChecks(List<HealthCheck> checks, HealthCache cache) {
    this.checks = checks;
    this.cache = cache;
  }

  /** Each selected check's finding by its name; {@code probe} null selects all. */
  Map<String, HealthFinding> findings(@Nullable Probe probe) {
    Map<String, HealthFinding> findings = new LinkedHashMap<>();
    for (HealthCheck check : selected(probe)) {
      findings.put(check.name(), run(check));
    }
    return findings;
  }

  /** The status alone, as anonymous probes get it; {@code probe} null selects all. */
  Status status(@Nullable Probe probe) {
    return selected(probe).stream()
            .filter(check -> !(check instanceof DetailsOnly))
            .allMatch(check -> cache.statusOf(check) == Status.UP)
        ? Status.UP
        : Status.DOWN;
  }

  static Status worst(Map<String, HealthFinding> findings) {
    return findings.values().stream().allMatch(HealthFinding::isUp) ? Status.UP : Status.DOWN;
  }

  /** {@code check}'s finding; one that throws, against its contract, counts as DOWN. */
  static HealthFinding run(HealthCheck check) {
    try {
      return check.check();
    } catch (RuntimeException e) {
      return HealthFinding.down(Map.of("error", "check failed: " + e.getClass().getSimpleName()));
    }
  }

  private List<HealthCheck> selected(@Nullable Probe probe) {
    return checks.stream().filter(check -> probe == null || check.probe() == probe).toList();
  }
}
