package io.invoicebridge.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** Every health indicator (Redis, freee token, configuration) as a preflight line. */
@Singleton
class HealthIndicatorChecks implements PreflightCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final List<HealthIndicator> indicators;

  HealthIndicatorChecks(List<HealthIndicator> indicators) {
    this.indicators = indicators;
  }

  @Override
  public List<CheckResult> run(boolean probeFreee) {
    return indicators.stream().map(HealthIndicatorChecks::evaluate).toList();
  }

  private static CheckResult evaluate(HealthIndicator indicator) {
    try {
      HealthResult result = Mono.from(indicator.getResult()).block(TIMEOUT);
      if (result == null) {
        return CheckResult.warn(indicator.getClass().getSimpleName(), "no answer");
      }
      String detail = result.getDetails() == null ? "" : String.valueOf(result.getDetails());
      return HealthStatus.UP.equals(result.getStatus())
          ? CheckResult.pass(result.getName(), detail)
          : HealthStatus.DOWN.equals(result.getStatus())
              ? CheckResult.fail(result.getName(), detail)
              : CheckResult.warn(result.getName(), detail);
    } catch (RuntimeException e) {
      return CheckResult.fail(indicator.getClass().getSimpleName(), "check failed: " + e.getClass().getSimpleName());
    }
  }
}
