package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Reports the configuration an instance runs with (it started, so it is valid): dry run, where the
 * shared state lives and what in-memory state risks, the limits.
 */
@Singleton
@Liveness
class ConfigurationHealthIndicator implements HealthIndicator {

  private final BridgeConfig config;

  ConfigurationHealthIndicator(BridgeConfig config) {
    this.config = config;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dry_run", config.dryRun());
    details.put(
        "state",
        config
            .redisUrlRedacted()
            .map(url -> "redis (" + url + ")")
            .orElse("in memory: correct for this one instance only"));
    details.put("rate_limit_per_minute", config.limits().rateLimitPerMinute());
    details.put("rate_limit_per_hour", config.limits().rateLimitPerHour());
    details.put("rate_limit_per_day", config.limits().rateLimitPerDay());
    details.put(
        "rate_limit_interactive_share_percent", config.limits().rateLimitInteractiveSharePercent());
    details.put("concurrent_freee_calls", config.limits().concurrentFreeeCalls());
    details.put("request_timeout_ms", config.limits().requestTimeout().toMillis());
    return Mono.just(
        HealthResult.builder("configuration", HealthStatus.UP).details(details).build());
  }
}
