package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports the configuration an instance runs with (it started, so it is valid): dry run, where the
 * shared state lives and what in-memory state risks, the limits. Always UP.
 */
@Singleton
class ConfigurationHealthCheck extends HealthCheck {

  private final BridgeConfig config;

  ConfigurationHealthCheck(BridgeConfig config) {
    super("configuration", Probe.LIVENESS);
    this.config = config;
  }

  @Override
  public HealthFinding check() {
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
    return HealthFinding.up(details);
  }
}
