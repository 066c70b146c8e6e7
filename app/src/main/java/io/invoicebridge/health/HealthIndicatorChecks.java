package io.invoicebridge.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The bridge's own health indicators (Redis, freee token, configuration) as preflight lines; the
 * framework's generic ones (threads, shutdown) say nothing an operator can act on.
 */
@Singleton
class HealthIndicatorChecks implements PreflightCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final String OWN_PACKAGE = "io.invoicebridge.";

  private final List<HealthIndicator> indicators;

  HealthIndicatorChecks(List<HealthIndicator> indicators) {
    this.indicators = indicators;
  }

  @Override
  public List<CheckResult> run(boolean probeFreee) {
    return indicators.stream()
        .filter(indicator -> indicator.getClass().getName().startsWith(OWN_PACKAGE))
        // an indicator that is also a preflight check reports there itself, in its own words
        .filter(indicator -> !(indicator instanceof PreflightCheck))
        .map(HealthIndicatorChecks::evaluate)
        .toList();
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
      return CheckResult.fail(
          indicator.getClass().getSimpleName(), "check failed: " + e.getClass().getSimpleName());
    }
  }
}
