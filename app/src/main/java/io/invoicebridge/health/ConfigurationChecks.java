package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The configuration lines of the operations checklist. */
@Singleton
class ConfigurationChecks implements PreflightCheck {

  private final BridgeConfig config;

  ConfigurationChecks(BridgeConfig config) {
    this.config = config;
  }

  @Override
  public List<CheckResult> run(boolean probeFreee) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(requiredVariables());
    checks.add(runTokenStrength());
    checks.add(
        config.dryRun()
            ? CheckResult.warn("dry_run", "FREEE_DRY_RUN=true: nothing is sent to freee")
            : CheckResult.pass("dry_run", "off: invoices are created in freee"));
    checks.add(
        config
            .redisUrlRedacted()
            .map(url -> CheckResult.pass("shared_state", "Redis at " + url))
            .orElse(
                CheckResult.warn(
                    "shared_state",
                    "in memory: no REDIS_URL, so a second instance could create the same invoice"
                        + " again and exceed freee's rate limit; set REDIS_URL")));
    checks.add(rateLimit());
    return checks;
  }

  private CheckResult requiredVariables() {
    if (config.freee().hasCredentials() && config.freee().companyId() != null) {
      return CheckResult.pass("required_variables", "RUN_TOKEN and all freee credentials are set");
    }
    return CheckResult.warn(
        "required_variables",
        "dry run without freee credentials: set FREEE_CLIENT_ID, FREEE_CLIENT_SECRET,"
            + " FREEE_REFRESH_TOKEN and FREEE_COMPANY_ID before turning dry run off");
  }

  private CheckResult runTokenStrength() {
    return config.runToken().looksRandom()
        ? CheckResult.pass("run_token", config.runTokenLength() + " characters")
        : CheckResult.warn(
            "run_token", "RUN_TOKEN has few distinct characters; use e.g. openssl rand -hex 32");
  }

  private CheckResult rateLimit() {
    int limit = config.limits().rateLimitPerMinute();
    return limit <= 30
        ? CheckResult.pass("rate_limit", limit + " freee calls per minute (freee allows 30)")
        : CheckResult.warn(
            "rate_limit",
            "RATE_LIMIT_PER_MINUTE=" + limit + " is above freee's 30 per minute: expect 429s");
  }
}
