package io.invoicebridge.freee.token;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeErrorBody;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.freee.answer.FreeeExchanges;
import io.invoicebridge.freee.answer.FreeeReading;
import io.invoicebridge.timing.Deadline;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges a refresh token at freee's token endpoint, exactly once per call: only a failure to
 * connect (nothing sent, the token still valid) is retried, by {@code @Retryable}. A lost answer is
 * returned as {@link RefreshResult.Lost}, never retried, because freee has probably spent the token
 * already.
 */
@Singleton
public class FreeeTokenEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(FreeeTokenEndpoint.class);

  private final FreeeTokenClient client;
  private final JsonMapper json;
  private final String clientId;
  private final String clientSecret;
  private final String tokenUrl;

  public FreeeTokenEndpoint(FreeeTokenClient client, JsonMapper json, BridgeConfig config) {
    this.client = client;
    this.json = json;
    this.clientId = config.freee().clientId();
    this.clientSecret = config.freee().clientSecret();
    this.tokenUrl = config.freee().tokenUrl().toString();
  }

  /**
   * @throws TokenEndpointUnreachableException when no connection could be made on any attempt
   */
  @Retryable(attempts = "2", delay = "250ms", includes = TokenEndpointUnreachableException.class)
  public RefreshResult refresh(String refreshToken, Deadline deadline) {
    if (deadline.passed()) {
      return new RefreshResult.NotSent("no time left to refresh the freee token");
    }
    if (clientId == null || clientSecret == null) {
      return new RefreshResult.Failed("FREEE_CLIENT_ID and FREEE_CLIENT_SECRET are not configured");
    }
    FreeeExchange exchange =
        FreeeExchanges.await(
            client.token(tokenUrl, form(refreshToken)),
            deadline,
            answer -> FreeeReading.of(answer, json));
    return switch (exchange) {
      case FreeeExchange.Unreached unreached ->
          throw new TokenEndpointUnreachableException(
              "freee token endpoint unreachable: " + unreached.reason());
      case FreeeExchange.Lost lost -> new RefreshResult.Lost(lost.reason());
      case FreeeExchange.Answered answered -> read(answered.answer(), answered.reading().error());
    };
  }

  private RefreshResult read(FreeeAnswer answer, FreeeErrorBody error) {
    LOG.info(
        "freee token endpoint answered {} in {} ms", answer.status(), answer.duration().toMillis());
    if (answer.successful()) {
      return granted(answer.body());
    }
    if (error.hasCode("invalid_grant")) {
      return new RefreshResult.InvalidGrant();
    }
    String code = error.code() == null ? "" : " (" + error.code() + ")";
    return new RefreshResult.Failed("freee token endpoint answered " + answer.status() + code);
  }

  /** A 2xx whose tokens cannot be read still spent the refresh token: treat it as lost. */
  private RefreshResult granted(String body) {
    try {
      JsonNode root = json.readValue(body, JsonNode.class);
      JsonNode access = root.get("access_token");
      JsonNode expiresIn = root.get("expires_in");
      JsonNode refresh = root.get("refresh_token");
      if (access == null || !access.isString() || expiresIn == null || !expiresIn.isNumber()) {
        return new RefreshResult.Lost("freee's token answer had no access token or expiry");
      }
      return new RefreshResult.Granted(
          access.getStringValue(),
          Duration.ofSeconds(expiresIn.getLongValue()),
          refresh != null && refresh.isString() ? refresh.getStringValue() : null);
    } catch (IOException | RuntimeException e) {
      return new RefreshResult.Lost("freee's token answer was unreadable");
    }
  }

  private Map<String, String> form(String refreshToken) {
    return Map.of(
        "grant_type", "refresh_token",
        "client_id", clientId,
        "client_secret", clientSecret,
        "refresh_token", refreshToken);
  }
}
