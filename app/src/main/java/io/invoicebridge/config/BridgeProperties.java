package io.invoicebridge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The operator's settings exactly as given (each bound from its environment variable in {@code
 * application.yml}); {@link BridgeConfig#from} validates them against {@link SettingRules}. Kept as
 * text so a malformed value becomes one clear startup line instead of a conversion stack trace.
 */
@ConfigurationProperties(BridgeProperties.PREFIX)
public record BridgeProperties(
    @Nullable String runToken,
    @Nullable String runTokenPrevious,
    @Nullable String freeeClientId,
    @Nullable String freeeClientSecret,
    @Nullable String freeeRefreshToken,
    @Nullable String freeeCompanyId,
    @Nullable String freeeDryRun,
    @Nullable String enableStructuredLogging,
    @Nullable String redisUrl,
    @Nullable String tokenEncryptionKeys,
    @Nullable String freeeApiBaseUrl,
    @Nullable String freeeTokenUrl,
    @Nullable String rateLimitPerMinute,
    @Nullable String rateLimitPerHour,
    @Nullable String rateLimitPerDay,
    @Nullable String rateLimitInteractiveSharePercent,
    @Nullable String concurrentFreeeCalls,
    @Nullable String retryMaxAttempts,
    @Nullable String requestTimeoutMs,
    @Nullable String maxBatchSize,
    @Nullable String defaultTaxEntryMethod,
    @Nullable String defaultTaxFraction,
    @Nullable String defaultWithholdingTaxEntryMethod,
    @Nullable String defaultPartnerTitle) {

  public static final String PREFIX = "bridge";

  /** The settings as given, the secrets and the Redis URL's password left out. */
  @Override
  public String toString() {
    return "BridgeProperties[runToken="
        + Redacted.secret(runToken)
        + ", runTokenPrevious="
        + Redacted.secret(runTokenPrevious)
        + ", freeeClientId="
        + freeeClientId
        + ", freeeClientSecret="
        + Redacted.secret(freeeClientSecret)
        + ", freeeRefreshToken="
        + Redacted.secret(freeeRefreshToken)
        + ", freeeCompanyId="
        + freeeCompanyId
        + ", freeeDryRun="
        + freeeDryRun
        + ", enableStructuredLogging="
        + enableStructuredLogging
        + ", redisUrl="
        + Redacted.origin(redisUrl)
        + ", tokenEncryptionKeys="
        + Redacted.secret(tokenEncryptionKeys)
        + ", freeeApiBaseUrl="
        + freeeApiBaseUrl
        + ", freeeTokenUrl="
        + freeeTokenUrl
        + ", rateLimitPerMinute="
        + rateLimitPerMinute
        + ", rateLimitPerHour="
        + rateLimitPerHour
        + ", rateLimitPerDay="
        + rateLimitPerDay
        + ", rateLimitInteractiveSharePercent="
        + rateLimitInteractiveSharePercent
        + ", concurrentFreeeCalls="
        + concurrentFreeeCalls
        + ", retryMaxAttempts="
        + retryMaxAttempts
        + ", requestTimeoutMs="
        + requestTimeoutMs
        + ", maxBatchSize="
        + maxBatchSize
        + ", defaultTaxEntryMethod="
        + defaultTaxEntryMethod
        + ", defaultTaxFraction="
        + defaultTaxFraction
        + ", defaultWithholdingTaxEntryMethod="
        + defaultWithholdingTaxEntryMethod
        + ", defaultPartnerTitle="
        + defaultPartnerTitle
        + "]";
  }
}
