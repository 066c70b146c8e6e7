package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the rules of the README's configuration table to the raw settings, collecting every
 * problem so the operator fixes them in one go. Problems name the variable and the rule, never the
 * value.
 */
final class ConfigValidator {

  static final String DEFAULT_API_BASE_URL = "https://api.freee.co.jp";
  static final String DEFAULT_TOKEN_URL = "https://accounts.secure.freee.co.jp/public_api/token";

  private final BridgeProperties raw;
  private final List<String> problems = new ArrayList<>();

  ConfigValidator(BridgeProperties raw) {
    this.raw = raw;
  }

  BridgeConfig validate() {
    refuseUnresolvedVaultReferences();
    boolean dryRun = bool("FREEE_DRY_RUN", raw.freeeDryRun());
    boolean structured = bool("ENABLE_STRUCTURED_LOGGING", raw.enableStructuredLogging());
    String runToken = runToken();
    FreeeSettings freee = freee(dryRun);
    Limits limits =
        new Limits(
            integer("RATE_LIMIT_PER_MINUTE", raw.rateLimitPerMinute(), 60, 1, 100_000),
            // at most RATE_LIMIT_PER_MINUTE's bound for every minute of the hour and the day
            integer("RATE_LIMIT_PER_HOUR", raw.rateLimitPerHour(), 1500, 1, 360_000),
            integer("RATE_LIMIT_PER_DAY", raw.rateLimitPerDay(), 3000, 1, 8_640_000),
            integer("CONCURRENT_FREEE_CALLS", raw.concurrentFreeeCalls(), 2, 1, 64),
            integer("RETRY_MAX_ATTEMPTS", raw.retryMaxAttempts(), 5, 1, 20),
            Duration.ofMillis(
                integer("REQUEST_TIMEOUT_MS", raw.requestTimeoutMs(), 30_000, 2_000, 3_600_000)),
            integer("MAX_BATCH_SIZE", raw.maxBatchSize(), 500, 1, 5_000));
    InvoiceDefaults defaults =
        new InvoiceDefaults(
            oneOf("DEFAULT_TAX_ENTRY_METHOD", raw.defaultTaxEntryMethod(), Set.of("in", "out")),
            oneOf(
                "DEFAULT_TAX_FRACTION",
                raw.defaultTaxFraction(),
                Set.of("omit", "round_up", "round")),
            oneOf(
                "DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD",
                raw.defaultWithholdingTaxEntryMethod(),
                Set.of("in", "out")),
            oneOf(
                "DEFAULT_PARTNER_TITLE",
                raw.defaultPartnerTitle(),
                Set.of("御中", "様", "(空白)", "（空白）")));
    Optional<URI> redisUrl = redisUrl();
    if (!problems.isEmpty()) {
      throw new ConfigurationInvalidException(problems);
    }
    return new BridgeConfig(
        new RunToken(runToken),
        runToken.length(),
        dryRun,
        structured,
        redisUrl,
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
    secrets.put("FREEE_CLIENT_ID", raw.freeeClientId());
    secrets.put("FREEE_CLIENT_SECRET", raw.freeeClientSecret());
    secrets.put("FREEE_REFRESH_TOKEN", raw.freeeRefreshToken());
    secrets.put("REDIS_URL", raw.redisUrl());
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

  private String runToken() {
    String token = blankToNull(raw.runToken());
    if (token == null) {
      problems.add("RUN_TOKEN is required (a random secret of at least 32 characters)");
      return "";
    }
    if (token.length() < RunToken.MIN_LENGTH) {
      problems.add("RUN_TOKEN must be at least " + RunToken.MIN_LENGTH + " characters long");
    }
    return token;
  }

  private FreeeSettings freee(boolean dryRun) {
    String clientId = blankToNull(raw.freeeClientId());
    String clientSecret = blankToNull(raw.freeeClientSecret());
    String refreshToken = blankToNull(raw.freeeRefreshToken());
    String companyText = blankToNull(raw.freeeCompanyId());
    if (!dryRun) {
      requirePresent("FREEE_CLIENT_ID", clientId);
      requirePresent("FREEE_CLIENT_SECRET", clientSecret);
      requirePresent("FREEE_REFRESH_TOKEN", refreshToken);
      requirePresent("FREEE_COMPANY_ID", companyText);
    }
    Long companyId = companyText == null ? null : companyId(companyText);
    return new FreeeSettings(
        clientId,
        clientSecret,
        refreshToken,
        companyId,
        httpUrl("FREEE_API_BASE_URL", raw.freeeApiBaseUrl(), DEFAULT_API_BASE_URL),
        httpUrl("FREEE_TOKEN_URL", raw.freeeTokenUrl(), DEFAULT_TOKEN_URL));
  }

  private void requirePresent(String variable, @Nullable String value) {
    if (value == null) {
      problems.add(variable + " is required unless FREEE_DRY_RUN=true");
    }
  }

  private Long companyId(String text) {
    try {
      long id = Long.parseLong(text.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("FREEE_COMPANY_ID must be a positive whole number (freee's company id)");
    return null;
  }

  private boolean bool(String variable, @Nullable String text) {
    String value = blankToNull(text);
    if (value == null) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(variable + " must be true or false");
        yield false;
      }
    };
  }

  private int integer(String variable, @Nullable String text, int fallback, int min, int max) {
    String value = blankToNull(text);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(variable + " must be a whole number from " + min + " to " + max);
    return fallback;
  }

  private @Nullable String oneOf(String variable, @Nullable String text, Set<String> allowed) {
    String value = blankToNull(text);
    if (value != null && !allowed.contains(value.trim())) {
      problems.add(
          variable + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
      return null;
    }
    return value == null ? null : value.trim();
  }

  private Optional<URI> redisUrl() {
    String value = blankToNull(raw.redisUrl());
    if (value == null) {
      return Optional.empty();
    }
    Optional<URI> url = parse(value.trim());
    boolean valid =
        url.filter(u -> "redis".equals(u.getScheme()) || "rediss".equals(u.getScheme()))
            .filter(u -> u.getHost() != null)
            .isPresent();
    if (!valid) {
      problems.add(
          "REDIS_URL must look like redis://HOST:PORT or rediss://default:PASSWORD@HOST:PORT");
      return Optional.empty();
    }
    return url;
  }

  private URI httpUrl(String variable, @Nullable String text, String fallback) {
    String value = blankToNull(text);
    if (value == null) {
      return URI.create(fallback);
    }
    Optional<URI> url =
        parse(value.trim())
            .filter(u -> "https".equals(u.getScheme()) || "http".equals(u.getScheme()))
            .filter(u -> u.getHost() != null);
    if (url.isEmpty()) {
      problems.add(variable + " must be an absolute http(s) URL such as " + fallback);
      return URI.create(fallback);
    }
    return url.get();
  }

  private static Optional<URI> parse(String text) {
    try {
      return Optional.of(new URI(text));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
