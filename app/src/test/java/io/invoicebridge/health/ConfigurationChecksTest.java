package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.testing.TestConfig;
import org.junit.jupiter.api.Test;

class ConfigurationChecksTest {

  @Test
  void run_minuteAboveFreees_warnsNamingAllThreeWindows() {
    ConfigurationChecks checks = new ConfigurationChecks(TestConfig.config(false));

    CheckResult rateLimit =
        checks.run(false).stream()
            .filter(check -> check.name().equals("rate_limit"))
            .findFirst()
            .orElseThrow();

    assertEquals(CheckResult.Verdict.WARN, rateLimit.verdict());
    assertEquals(
        "60 a minute, 1500 an hour, 3000 a day: above freee's 30 a minute, 1,500 an hour or"
            + " 10,000 a day (the largest plan): expect 429s",
        rateLimit.detail());
  }
}
