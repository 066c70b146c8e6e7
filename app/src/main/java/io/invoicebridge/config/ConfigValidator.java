package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link SettingRules} to the raw settings, collecting every problem so the operator fixes
 * them in one go. Problems name the variable and the rule, never the value.
 */
final class ConfigValidator {

  private final BridgeProperties raw;
  private final List<String> problems = new ArrayList<>();
  private boolean dryRun;

  ConfigValidator(BridgeProperties raw) {
    this.raw = raw;
  }

  BridgeConfig validate() {
    refuseUnresolvedVaultReferences();
    dryRun = flag(SettingRules.FREEE_DRY_RUN, raw.freeeDryRun());
    boolean structured =
        flag(SettingRules.ENABLE_STRUCTURED_LOGGING, raw.enableStructuredLogging());
    String runToken = Optional.ofNullable(value(SettingRules.RUN_TOKEN, raw.runToken())).orElse("");
    String previousRunToken = value(SettingRules.RUN_TOKEN_PREVIOUS, raw.runTokenPrevious());
    FreeeSettings freee = freee();
    Limits limits =
        new Limits(
            number(SettingRules.RATE_LIMIT_PER_MINUTE, raw.rateLimitPerMinute()),
            number(SettingRules.RATE_LIMIT_PER_HOUR, raw.rateLimitPerHour()),
            number(SettingRules.RATE_LIMIT_PER_DAY, raw.rateLimitPerDay()),
            number(
                SettingRules.RATE_LIMIT_INTERACTIVE_SHARE_PERCENT,
                raw.rateLimitInteractiveSharePercent()),
            number(SettingRules.CONCURRENT_FREEE_CALLS, raw.concurrentFreeeCalls()),
            number(SettingRules.RETRY_MAX_ATTEMPTS, raw.retryMaxAttempts()),
            Duration.ofMillis(number(SettingRules.REQUEST_TIMEOUT_MS, raw.requestTimeoutMs())),
            number(SettingRules.MAX_BATCH_SIZE, raw.maxBatchSize()));
    InvoiceDefaults defaults =
        new InvoiceDefaults(
            value(SettingRules.DEFAULT_TAX_ENTRY_METHOD, raw.defaultTaxEntryMethod()),
            value(SettingRules.DEFAULT_TAX_FRACTION, raw.defaultTaxFraction()),
            value(
                SettingRules.DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD,
                raw.defaultWithholdingTaxEntryMethod()),
            value(SettingRules.DEFAULT_PARTNER_TITLE, raw.defaultPartnerTitle()));
    Optional<URI> redisUrl =
        Optional.ofNullable(value(SettingRules.REDIS_URL, raw.redisUrl())).map(URI::create);
    TokenEncryptionKeys tokenKeys = tokenEncryptionKeys(hasValue(raw.redisUrl()));
    if (!problems.isEmpty()) {
      throw new ConfigurationInvalidException(problems);
    }
    return new BridgeConfig(
        new RunToken(runToken, previousRunToken),
        runToken.length(),
        dryRun,
        structured,
        redisUrl,
        tokenKeys,
        freee,
        limits,
        defaults);
  }

  /**
   * Azure passes a Key Vault reference it could not resolve on as the literal text, which would
   * otherwise pass as a long, valid-looking secret.
   */
  private void refuseUnresolvedVaultReferences() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("RUN_TOKEN", raw.runToken());
    secrets.put("RUN_TOKEN_PREVIOUS", raw.runTokenPrevious());
    secrets.put("FREEE_CLIENT_ID", raw.freeeClientId());
    secrets.put("FREEE_CLIENT_SECRET", raw.freeeClientSecret());
    secrets.put("FREEE_REFRESH_TOKEN", raw.freeeRefreshToken());
    secrets.put("REDIS_URL", raw.redisUrl());
    secrets.put("TOKEN_ENCRYPTION_KEYS", raw.tokenEncryptionKeys());
    secrets.forEach(
        (variable, value) -> {
          if (value != null && value.trim().startsWith("@Microsoft.KeyVault(")) {
            problems.add(
                variable
                    + " is an unresolved Azure Key Vault reference: grant the function's identity"
                    + " access to the vault");
          }
        });
  }

  private FreeeSettings freee() {
    String companyId = value(SettingRules.FREEE_COMPANY_ID, raw.freeeCompanyId());
    return new FreeeSettings(
        value(SettingRules.FREEE_CLIENT_ID, raw.freeeClientId()),
        value(SettingRules.FREEE_CLIENT_SECRET, raw.freeeClientSecret()),
        value(SettingRules.FREEE_REFRESH_TOKEN, raw.freeeRefreshToken()),
        companyId == null ? null : Long.valueOf(companyId),
        URI.create(valueOrDefault(SettingRules.FREEE_API_BASE_URL, raw.freeeApiBaseUrl())),
        URI.create(valueOrDefault(SettingRules.FREEE_TOKEN_URL, raw.freeeTokenUrl())));
  }

  /** Required with Redis, whose token record they seal; checked whenever given. */
  private TokenEncryptionKeys tokenEncryptionKeys(boolean redisConfigured) {
    SettingRule rule = SettingRules.TOKEN_ENCRYPTION_KEYS;
    String text = raw.tokenEncryptionKeys();
    if (!hasValue(text)) {
      rule.problemWhenMissing(dryRun, redisConfigured).ifPresent(problems::add);
      return TokenEncryptionKeys.NONE;
    }
    Optional<String> problem = rule.problemWith(text);
    problem.ifPresent(problems::add);
    return problem.isPresent() ? TokenEncryptionKeys.NONE : TokenEncryptionKeys.parse(text);
  }

  private static boolean hasValue(@Nullable String text) {
    return text != null && !text.isBlank();
  }

  /**
   * The setting as given (trimmed, except a secret), or its default, or null; null too when it
   * breaks its rule, which is then recorded.
   */
  private @Nullable String value(SettingRule rule, @Nullable String text) {
    if (text == null || text.isBlank()) {
      rule.problemWhenMissing(dryRun).ifPresent(problems::add);
      return rule.defaultValue();
    }
    Optional<String> problem = rule.problemWith(text);
    if (problem.isPresent()) {
      problems.add(problem.get());
      return null;
    }
    return rule.constraint() instanceof SettingConstraint.Text ? text : text.trim();
  }

  private String valueOrDefault(SettingRule rule, @Nullable String text) {
    return Optional.ofNullable(value(rule, text)).orElseGet(rule::defaultValue);
  }

  private int number(SettingRule rule, @Nullable String text) {
    return Integer.parseInt(valueOrDefault(rule, text));
  }

  private boolean flag(SettingRule rule, @Nullable String text) {
    return Boolean.parseBoolean(valueOrDefault(rule, text).toLowerCase(Locale.ROOT));
  }
}
