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

  /** freee請求書's limits per company and app: 30 a minute, 1,500 an hour, 10,000 a day at most. */
  private CheckResult rateLimit() {
    int minute = config.limits().rateLimitPerMinute();
    int hour = config.limits().rateLimitPerHour();
    int day = config.limits().rateLimitPerDay();
    String set = minute + " a minute, " + hour + " an hour, " + day + " a day";
    if (minute > 30 || hour > 1500 || day > 10_000) {
      return CheckResult.warn(
          "rate_limit",
          set
              + ": above freee's 30 a minute, 1,500 an hour or 10,000 a day (the largest plan):"
              + " expect 429s");
    }
    return CheckResult.pass(
        "rate_limit", set + " (freee allows 30, 1,500 and 3,000-10,000 by plan)");
  }
}
