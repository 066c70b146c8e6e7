package io.invoicebridge.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * freee's OAuth behaviour: refresh tokens are single-use and rotate; a refresh ends the chain's
 * previous access token; a reused or unknown refresh token gets 401 {@code invalid_grant}.
 */
final class FakeTokens {

  /** An answer of the token endpoint. */
  record Answer(int status, Map<String, Object> body) {}

  private record Grant(long chain, Instant expiresAt) {}

  private final String clientId;
  private final String clientSecret;
  private final Map<String, Long> refreshTokens = new HashMap<>();
  private final Map<String, Grant> accessTokens = new HashMap<>();
  private final Set<String> everIssued = new HashSet<>();
  private Duration accessTokenLifetime = Duration.ofHours(6);
  private long chains;
  private int refreshes;
  private int invalidGrants;

  FakeTokens(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** What an operator gets from authorizing the app in a browser: a fresh refresh token. */
  synchronized String issueRefreshToken() {
    String token = "rt-" + UUID.randomUUID();
    refreshTokens.put(token, ++chains);
    everIssued.add(token);
    return token;
  }

  synchronized void accessTokenLifetime(Duration lifetime) {
    accessTokenLifetime = lifetime;
  }

  /** Every access token issued so far stops working (as if expired or revoked). */
  synchronized void expireAccessTokens() {
    accessTokens.clear();
  }

  synchronized boolean validAccessToken(String token, Instant now) {
    Grant grant = accessTokens.get(token);
    return grant != null && now.isBefore(grant.expiresAt());
  }

  /** Handles one refresh request as freee does: rotates a valid token, refuses any other. */
  synchronized Answer refresh(Map<String, String> form, Instant now) {
    if (!clientId.equals(form.get("client_id"))
        || !clientSecret.equals(form.get("client_secret"))) {
      return new Answer(
          401,
          Map.of("error", "invalid_client", "error_description", "client authentication failed"));
    }
    Long chain = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
    if (!"refresh_token".equals(form.get("grant_type")) || chain == null) {
      invalidGrants++;
      return new Answer(
          401,
          Map.of(
              "error", "invalid_grant",
              "error_description", "指定された認可グラントは不正か、有効期限切れか、無効です。"));
    }
    refreshes++;
    accessTokens.values().removeIf(grant -> grant.chain() == chain);
    String access = "at-" + UUID.randomUUID();
    String refresh = "rt-" + UUID.randomUUID();
    accessTokens.put(access, new Grant(chain, now.plus(accessTokenLifetime)));
    refreshTokens.put(refresh, chain);
    everIssued.add(access);
    everIssued.add(refresh);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    body.put("token_type", "bearer");
    body.put("expires_in", accessTokenLifetime.toSeconds());
    body.put("refresh_token", refresh);
    body.put("scope", "read write");
    body.put("company_id", "1234567");
    return new Answer(200, body);
  }

  /** Every refresh and access token this fake ever issued, spent or not. */
  synchronized Set<String> everyTokenIssued() {
    return Set.copyOf(everIssued);
  }

  /** Whether {@code refreshToken} would still be accepted, i.e. has been issued and not spent. */
  synchronized boolean refreshTokenUnspent(String refreshToken) {
    return refreshTokens.containsKey(refreshToken);
  }

  synchronized int refreshCount() {
    return refreshes;
  }

  synchronized int invalidGrantCount() {
    return invalidGrants;
  }
}
