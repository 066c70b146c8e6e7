package io.invoicebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.TestConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeConfigTest {

  private static final String SECRET = "super-secret-value-that-must-never-print";

  @Test
  void from_noOptionalSettings_usesDesignDefaults() {
    BridgeConfig config =
        BridgeConfig.from(
            Environments.properties(
                Map.of(
                    "RUN_TOKEN", TestConfig.RUN_TOKEN,
                    "FREEE_CLIENT_ID", "id",
                    "FREEE_CLIENT_SECRET", "secret",
                    "FREEE_REFRESH_TOKEN", "refresh",
                    "FREEE_COMPANY_ID", "1")));

    assertEquals(
        new Limits(60, 1500, 3000, 10, 2, 5, Duration.ofSeconds(30), 500), config.limits());
    assertFalse(config.dryRun());
    assertTrue(config.redisUrl().isEmpty());
    assertEquals("https://api.freee.co.jp", config.freee().apiBaseUrl().toString());
  }

  @Test
  void from_dryRunWithoutFreeeCredentials_starts() {
    BridgeConfig config =
        BridgeConfig.from(
            Environments.properties(
                Map.of("RUN_TOKEN", TestConfig.RUN_TOKEN, "FREEE_DRY_RUN", "true")));

    assertTrue(config.dryRun());
    assertFalse(config.freee().hasCredentials());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN_TOKEN||RUN_TOKEN is required",
        "RUN_TOKEN|short-token|RUN_TOKEN must be at least 32 characters long, without whitespace",
        "RUN_TOKEN|0123456789abcdef 0123456789abcdef|RUN_TOKEN must be at least 32 characters long",
        "FREEE_CLIENT_ID||FREEE_CLIENT_ID is required unless FREEE_DRY_RUN=true",
        "FREEE_CLIENT_SECRET||FREEE_CLIENT_SECRET is required unless FREEE_DRY_RUN=true",
        "FREEE_REFRESH_TOKEN||FREEE_REFRESH_TOKEN is required unless FREEE_DRY_RUN=true",
        "FREEE_COMPANY_ID||FREEE_COMPANY_ID is required unless FREEE_DRY_RUN=true",
        "FREEE_COMPANY_ID|acme|FREEE_COMPANY_ID must be a positive whole number",
        "FREEE_COMPANY_ID|0|FREEE_COMPANY_ID must be a positive whole number",
        "RATE_LIMIT_PER_MINUTE|sixty|RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 6000",
        "RATE_LIMIT_PER_MINUTE|0|RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 6000",
        "RATE_LIMIT_PER_MINUTE|100000|RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 6000",
        "RATE_LIMIT_PER_HOUR|0|RATE_LIMIT_PER_HOUR must be a whole number from 1 to 360000",
        "RATE_LIMIT_PER_DAY|8640001|RATE_LIMIT_PER_DAY must be a whole number from 1 to 8640000",
        "CONCURRENT_FREEE_CALLS|64|CONCURRENT_FREEE_CALLS must be a whole number from 1 to 16",
        "RETRY_MAX_ATTEMPTS|20|RETRY_MAX_ATTEMPTS must be a whole number from 1 to 10",
        "REQUEST_TIMEOUT_MS|10ms|REQUEST_TIMEOUT_MS must be a whole number from 2000 to 3595000",
        "REQUEST_TIMEOUT_MS|1500|REQUEST_TIMEOUT_MS must be a whole number from 2000 to 3595000",
        "MAX_BATCH_SIZE|0|MAX_BATCH_SIZE must be a whole number from 1 to 1000",
        "REDIS_URL|http://cache:6379|REDIS_URL must be a redis:// or rediss:// URL with a host",
        "REDIS_URL|rediss://default:pa ss@host|REDIS_URL must be a redis:// or rediss:// URL",
        "FREEE_API_BASE_URL|api.freee.co.jp|FREEE_API_BASE_URL must be a https:// or http:// URL",
        "FREEE_API_BASE_URL|https://api.freee.co.jp/|FREEE_API_BASE_URL must be a https:// or http://",
        "FREEE_TOKEN_URL|ftp://x/y|FREEE_TOKEN_URL must be a https:// or http:// URL",
        "FREEE_DRY_RUN|yes|FREEE_DRY_RUN must be true or false",
        "DEFAULT_TAX_ENTRY_METHOD|inside|DEFAULT_TAX_ENTRY_METHOD must be one of in, out",
        "FREEE_CLIENT_SECRET|@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/s)|FREEE_CLIENT_SECRET is an unresolved Azure Key Vault reference",
      })
  void from_brokenSetting_namesVariableAndRule(String variable, String value, String problem) {
    Map<String, String> changes = new HashMap<>();
    changes.put(variable, value);

    ConfigurationInvalidException error =
        assertThrows(
            ConfigurationInvalidException.class,
            () -> BridgeConfig.from(Environments.valid(changes)));

    assertTrue(
        error.problems().stream().anyMatch(p -> p.startsWith(problem)),
        () -> error.problems() + " should start with " + problem);
  }

  @Test
  void from_severalProblems_reportsAllInOneLineWithoutSecretValues() {
    BridgeProperties broken =
        Environments.properties(
            Map.of(
                "RUN_TOKEN",
                SECRET.substring(0, 10),
                "FREEE_CLIENT_ID",
                SECRET,
                "FREEE_CLIENT_SECRET",
                SECRET,
                "FREEE_REFRESH_TOKEN",
                SECRET,
                "FREEE_COMPANY_ID",
                "x",
                "REDIS_URL",
                "rediss://default:" + SECRET + "@",
                "TOKEN_ENCRYPTION_KEYS",
                SECRET,
                "RATE_LIMIT_PER_MINUTE",
                "0"));

    ConfigurationInvalidException error =
        assertThrows(ConfigurationInvalidException.class, () -> BridgeConfig.from(broken));

    assertEquals(5, error.problems().size());
    assertFalse(error.getMessage().contains("\n"));
    assertFalse(error.getMessage().contains(SECRET.substring(0, 10)));
    assertFalse(error.getMessage().contains(SECRET));
  }

  @Test
  void redisUrlRedacted_hidesPassword() {
    BridgeConfig config =
        BridgeConfig.from(
            Environments.valid(
                Map.of("REDIS_URL", "rediss://default:" + SECRET + "@eu1.upstash.io:6379")));

    assertEquals("rediss://eu1.upstash.io:6379", config.redisUrlRedacted().orElseThrow());
  }

  @Test
  void from_redisWithoutTokenEncryptionKeys_failsNamingTheVariable() {
    Map<String, String> changes = new HashMap<>();
    changes.put("REDIS_URL", "rediss://default:" + SECRET + "@eu1.upstash.io:6379");
    changes.put("TOKEN_ENCRYPTION_KEYS", null);

    ConfigurationInvalidException error =
        assertThrows(
            ConfigurationInvalidException.class,
            () -> BridgeConfig.from(Environments.valid(changes)));

    assertEquals(1, error.problems().size());
    assertTrue(
        error.problems().getFirst().startsWith("TOKEN_ENCRYPTION_KEYS is required when REDIS_URL"),
        error.getMessage());
    assertFalse(error.getMessage().contains(SECRET));
  }

  @Test
  void from_inMemoryWithoutTokenEncryptionKeys_starts() {
    Map<String, String> changes = new HashMap<>();
    changes.put("TOKEN_ENCRYPTION_KEYS", null);

    BridgeConfig config = BridgeConfig.from(Environments.valid(changes));

    assertTrue(config.tokenEncryptionKeys().isEmpty());
  }

  @Test
  void from_twoTokenEncryptionKeys_theFirstSealsAndNeitherIsPrinted() {
    String keys = TestConfig.NEXT_TOKEN_ENCRYPTION_KEY + "," + TestConfig.TOKEN_ENCRYPTION_KEYS;

    BridgeConfig config =
        BridgeConfig.from(Environments.valid(Map.of("TOKEN_ENCRYPTION_KEYS", keys)));

    TokenEncryptionKeys parsed = config.tokenEncryptionKeys();
    assertEquals(2, parsed.ids().size());
    assertEquals(
        TokenEncryptionKeys.parse(TestConfig.NEXT_TOKEN_ENCRYPTION_KEY).current().id(),
        parsed.current().id());
    String printed = config.toString() + parsed + parsed.current();
    assertFalse(printed.contains(TestConfig.NEXT_TOKEN_ENCRYPTION_KEY));
    assertFalse(printed.contains(TestConfig.TOKEN_ENCRYPTION_KEYS));
  }
}
