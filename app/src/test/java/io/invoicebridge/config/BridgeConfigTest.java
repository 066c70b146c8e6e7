package io.invoicebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.TestConfig;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeConfigTest {

  private static final String SECRET = "super-secret-value-that-must-never-print";

  @Test
  void from_noOptionalSettings_usesDesignDefaults() {
    BridgeConfig config =
        BridgeConfig.from(
            new BridgeProperties(
                TestConfig.RUN_TOKEN,
                "id",
                "secret",
                "refresh",
                "1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));

    assertEquals(new Limits(60, 1500, 3000, 2, 5, Duration.ofSeconds(30), 500), config.limits());
    assertFalse(config.dryRun());
    assertTrue(config.redisUrl().isEmpty());
    assertEquals("https://api.freee.co.jp", config.freee().apiBaseUrl().toString());
  }

  @Test
  void from_dryRunWithoutFreeeCredentials_starts() {
    BridgeConfig config =
        BridgeConfig.from(
            new BridgeProperties(
                TestConfig.RUN_TOKEN,
                null,
                null,
                null,
                null,
                "true",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));

    assertTrue(config.dryRun());
    assertFalse(config.freee().hasCredentials());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN_TOKEN missing|runToken||RUN_TOKEN is required",
        "RUN_TOKEN short|runToken|short-token|RUN_TOKEN must be at least 32 characters long",
        "client id missing|clientId||FREEE_CLIENT_ID is required unless FREEE_DRY_RUN=true",
        "secret missing|clientSecret||FREEE_CLIENT_SECRET is required unless FREEE_DRY_RUN=true",
        "refresh missing|refreshToken||FREEE_REFRESH_TOKEN is required unless FREEE_DRY_RUN=true",
        "company missing|companyId||FREEE_COMPANY_ID is required unless FREEE_DRY_RUN=true",
        "company text|companyId|acme|FREEE_COMPANY_ID must be a positive whole number",
        "rate text|rate|sixty|RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 100000",
        "rate zero|rate|0|RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 100000",
        "hour zero|hour|0|RATE_LIMIT_PER_HOUR must be a whole number from 1 to 360000",
        "day text|day|3k|RATE_LIMIT_PER_DAY must be a whole number from 1 to 8640000",
        "concurrency|concurrency|100|CONCURRENT_FREEE_CALLS must be a whole number from 1 to 64",
        "attempts|attempts|-1|RETRY_MAX_ATTEMPTS must be a whole number from 1 to 20",
        "timeout|timeout|10ms|REQUEST_TIMEOUT_MS must be a whole number from 2000 to 3600000",
        "batch|batch|0|MAX_BATCH_SIZE must be a whole number from 1 to 5000",
        "redis scheme|redis|http://cache:6379|REDIS_URL must look like redis://HOST:PORT",
        "redis garbage|redis|rediss://default:pa ss@host|REDIS_URL must look like redis://HOST:PORT",
        "api url|api|api.freee.co.jp|FREEE_API_BASE_URL must be an absolute http(s) URL",
        "token url|token|ftp://x/y|FREEE_TOKEN_URL must be an absolute http(s) URL",
        "dry run|dryRun|yes|FREEE_DRY_RUN must be true or false",
        "default enum|taxEntry|inside|DEFAULT_TAX_ENTRY_METHOD must be one of in, out",
        "vault reference|clientSecret|@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/s)|FREEE_CLIENT_SECRET is an unresolved Azure Key Vault reference",
      })
  void from_brokenSetting_namesVariableAndRule(
      String name, String field, String value, String problem) {
    ConfigurationInvalidException error =
        assertThrows(
            ConfigurationInvalidException.class, () -> BridgeConfig.from(with(field, value)));

    assertTrue(
        error.problems().stream().anyMatch(p -> p.startsWith(problem)),
        () -> error.problems() + " should start with " + problem);
  }

  @Test
  void from_severalProblems_reportsAllInOneLineWithoutSecretValues() {
    BridgeProperties broken =
        new BridgeProperties(
            SECRET.substring(0, 10),
            SECRET,
            SECRET,
            SECRET,
            "x",
            null,
            null,
            "rediss://default:" + SECRET + "@",
            null,
            null,
            "0",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    ConfigurationInvalidException error =
        assertThrows(ConfigurationInvalidException.class, () -> BridgeConfig.from(broken));

    assertEquals(4, error.problems().size());
    assertFalse(error.getMessage().contains("\n"));
    assertFalse(error.getMessage().contains(SECRET.substring(0, 10)));
  }

  @Test
  void redisUrlRedacted_hidesPassword() {
    BridgeConfig config =
        BridgeConfig.from(with("redis", "rediss://default:" + SECRET + "@eu1.upstash.io:6379"));

    assertEquals("rediss://eu1.upstash.io:6379", config.redisUrlRedacted().orElseThrow());
  }

  private static BridgeProperties with(String field, String value) {
    BridgeProperties p = TestConfig.properties(false);
    UnaryOperator<String> v = ignored -> value;
    return new BridgeProperties(
        field.equals("runToken") ? v.apply(null) : p.runToken(),
        field.equals("clientId") ? v.apply(null) : p.freeeClientId(),
        field.equals("clientSecret") ? v.apply(null) : p.freeeClientSecret(),
        field.equals("refreshToken") ? v.apply(null) : p.freeeRefreshToken(),
        field.equals("companyId") ? v.apply(null) : p.freeeCompanyId(),
        field.equals("dryRun") ? v.apply(null) : p.freeeDryRun(),
        p.enableStructuredLogging(),
        field.equals("redis") ? v.apply(null) : p.redisUrl(),
        field.equals("api") ? v.apply(null) : p.freeeApiBaseUrl(),
        field.equals("token") ? v.apply(null) : p.freeeTokenUrl(),
        field.equals("rate") ? v.apply(null) : p.rateLimitPerMinute(),
        field.equals("hour") ? v.apply(null) : p.rateLimitPerHour(),
        field.equals("day") ? v.apply(null) : p.rateLimitPerDay(),
        field.equals("concurrency") ? v.apply(null) : p.concurrentFreeeCalls(),
        field.equals("attempts") ? v.apply(null) : p.retryMaxAttempts(),
        field.equals("timeout") ? v.apply(null) : p.requestTimeoutMs(),
        field.equals("batch") ? v.apply(null) : p.maxBatchSize(),
        field.equals("taxEntry") ? v.apply(null) : p.defaultTaxEntryMethod(),
        p.defaultTaxFraction(),
        p.defaultWithholdingTaxEntryMethod(),
        p.defaultPartnerTitle());
  }
}
