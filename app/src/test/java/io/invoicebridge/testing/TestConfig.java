package io.invoicebridge.testing;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.config.BridgeProperties;
import io.invoicebridge.config.TokenEncryptionKeys;

/** Configurations for unit tests, built through the same validation as production. */
public final class TestConfig {

  public static final String RUN_TOKEN = "test-run-token-0123456789abcdefghijklmnop";

  /** TOKEN_ENCRYPTION_KEYS of the tests: one AES-256 key (public, for tests only). */
  public static final String TOKEN_ENCRYPTION_KEYS = "IxsBN/a1jU5unRv+7X6Z3JdjQozKRdcH6/RaamLV7P4=";

  /** Another key, e.g. the one a rotation puts first. */
  public static final String NEXT_TOKEN_ENCRYPTION_KEY =
      "a7RaIaoE9lC1fS/FiI8jxFvbQhhM6wnQGUvJrBKV6iQ=";

  private TestConfig() {}

  public static BridgeProperties properties(boolean dryRun) {
    return properties(RUN_TOKEN, null, "client-secret", "seed-refresh-token", dryRun, null);
  }

  /** The unit tests' configuration with {@code secret} in every field that holds a credential. */
  public static BridgeProperties withSecrets(String secret, String redisUrl) {
    return properties(secret, secret, secret, secret, false, redisUrl);
  }

  private static BridgeProperties properties(
      String runToken,
      String runTokenPrevious,
      String clientSecret,
      String refreshToken,
      boolean dryRun,
      String redisUrl) {
    return new BridgeProperties(
        runToken,
        runTokenPrevious,
        "client-id",
        clientSecret,
        refreshToken,
        "4711",
        Boolean.toString(dryRun),
        "false",
        redisUrl,
        TOKEN_ENCRYPTION_KEYS,
        "http://127.0.0.1:1",
        "http://127.0.0.1:1/token",
        "60",
        "1500",
        "3000",
        "10",
        "2",
        "3",
        "30000",
        "500",
        null,
        null,
        null,
        null);
  }

  public static TokenEncryptionKeys tokenKeys() {
    return TokenEncryptionKeys.parse(TOKEN_ENCRYPTION_KEYS);
  }

  public static BridgeConfig config(boolean dryRun) {
    return BridgeConfig.from(properties(dryRun));
  }
}
