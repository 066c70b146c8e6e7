package io.invoicebridge.config;

import java.net.URI;
import java.util.Optional;

/**
 * The validated configuration every component is given; built once at startup from {@link
 * BridgeProperties} by {@link ConfigValidator}.
 *
 * @param runTokenLength kept for preflight's strength check, never the value
 * @param redisUrl empty means the in-memory stores
 * @param tokenEncryptionKeys seal the freee token record in Redis; {@link TokenEncryptionKeys#NONE}
 *     without Redis, unless given anyway
 */
public record BridgeConfig(
    RunToken runToken,
    int runTokenLength,
    boolean dryRun,
    boolean structuredLogging,
    Optional<URI> redisUrl,
    TokenEncryptionKeys tokenEncryptionKeys,
    FreeeSettings freee,
    Limits limits,
    InvoiceDefaults defaults) {

  public static BridgeConfig from(BridgeProperties properties) {
    return new ConfigValidator(properties).validate();
  }

  /** The Redis URL without its password, for health and logs. */
  public Optional<String> redisUrlRedacted() {
    return redisUrl.map(Redacted::origin);
  }

  @Override
  public String toString() {
    return "BridgeConfig[runToken="
        + runToken
        + ", dryRun="
        + dryRun
        + ", structuredLogging="
        + structuredLogging
        + ", redisUrl="
        + redisUrlRedacted().orElse("none")
        + ", freee="
        + freee
        + ", limits="
        + limits
        + ", defaults="
        + defaults
        + "]";
  }
}
