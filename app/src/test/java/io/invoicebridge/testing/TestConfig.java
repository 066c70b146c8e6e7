package io.invoicebridge.testing;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.config.BridgeProperties;

/** Configurations for unit tests, built through the same validation as production. */
public final class TestConfig {

  public static final String RUN_TOKEN = "test-run-token-0123456789abcdefghijklmnop";

  private TestConfig() {}

  public static BridgeProperties properties(boolean dryRun) {
    return new BridgeProperties(
        RUN_TOKEN,
        "client-id",
        "client-secret",
        "seed-refresh-token",
        "4711",
        Boolean.toString(dryRun),
        "false",
        null,
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

  public static BridgeConfig config(boolean dryRun) {
    return BridgeConfig.from(properties(dryRun));
  }
}
