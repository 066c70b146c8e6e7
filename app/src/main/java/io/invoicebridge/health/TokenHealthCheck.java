package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.freee.token.AccessTokenProvider;
import io.invoicebridge.freee.token.TokenStatus;
import io.invoicebridge.freee.token.TokenStoreUnavailableException;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The freee credential's state: refresh token age and days left, the last refresh failure, where
 * the record lives. DOWN only when the refresh token has expired (nothing but re-authorizing helps
 * then); a failed refresh is reported but may be passing, so it does not take readiness down. It
 * reads the token record from the store, so only callers with the run token run it.
 */
@Singleton
class TokenHealthCheck extends HealthCheck implements DetailsOnly {

  private final BridgeConfig config;
  // Resolved only with freee credentials: a dry run's /health never builds the token path and the
  // HTTP client behind it (a cold start's first /health pays for nothing it does not use).
  private final BeanProvider<AccessTokenProvider> tokens;

  TokenHealthCheck(BridgeConfig config, BeanProvider<AccessTokenProvider> tokens) {
    super("freee-token", Probe.READINESS);
    this.config = config;
    this.tokens = tokens;
  }

  @Override
  public HealthFinding check() {
    Map<String, Object> details = new LinkedHashMap<>();
    if (!config.freee().hasCredentials()) {
      details.put("state", "dry run without freee credentials");
      return HealthFinding.up(details);
    }
    try {
      TokenStatus status = tokens.get().status();
      details.put("seeded", status.seeded());
      details.put("shared", status.shared());
      if (status.seeded()) {
        details.put("refresh_token_days_left", status.refreshTokenDaysLeft());
        details.put("renewal_due", status.renewalDue());
      }
      if (status.lastFailure() != null) {
        details.put("last_failure", status.lastFailure().reason());
        details.put("last_failure_at", status.lastFailure().at().toString());
      }
      boolean expired = status.seeded() && status.refreshTokenDaysLeft() < 0;
      return expired ? HealthFinding.down(details) : HealthFinding.up(details);
    } catch (TokenStoreUnavailableException e) {
      details.put("error", e.getMessage());
      return HealthFinding.down(details);
    }
  }
}
