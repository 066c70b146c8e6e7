package io.invoicebridge.config;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at startup, in plain words, what this instance will do and with which state. */
@Singleton
class StartupReport {

  /** The run token of the local environment (application-local.yml); public by design. */
  static final String LOCAL_RUN_TOKEN = "local-dry-run-token-0123456789abcdef";

  private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

  private final BridgeConfig config;
  private final Environment environment;

  StartupReport(BridgeConfig config, Environment environment) {
    this.config = config;
    this.environment = environment;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (config.dryRun()) {
      LOG.warn("DRY RUN (FREEE_DRY_RUN=true): nothing is sent to freee and nothing is recorded");
    }
    LOG.info(
        "stores: {}; company: {}; rate limit {}/min, {}/h, {}/day ({}% kept for interactive requests);"
            + " {} concurrent freee calls; timeout {} ms",
        config
            .redisUrlRedacted()
            .map(url -> "Redis at " + url)
            .orElse(
                "IN MEMORY (correct for this one instance only; set REDIS_URL when running several)"),
        config.freee().companyNamespace(),
        config.limits().rateLimitPerMinute(),
        config.limits().rateLimitPerHour(),
        config.limits().rateLimitPerDay(),
        config.limits().rateLimitInteractiveSharePercent(),
        config.limits().concurrentFreeeCalls(),
        config.limits().requestTimeout().toMillis());
    if (environment.getActiveNames().contains("local")) {
      LOG.info(
          "local run: authenticate with the header Authorization: Bearer {}",
          config.runTokenLength() == LOCAL_RUN_TOKEN.length()
                  && config.runToken().matches(LOCAL_RUN_TOKEN)
              ? LOCAL_RUN_TOKEN
              : "<the RUN_TOKEN you set>");
    }
  }
}
