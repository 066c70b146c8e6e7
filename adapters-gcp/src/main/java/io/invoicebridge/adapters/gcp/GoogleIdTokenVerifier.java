package io.invoicebridge.adapters.gcp;

import static io.invoicebridge.adapters.gcp.SignedJwt.text;

import io.invoicebridge.auth.PushDeliveryUnverifiableException;
import io.invoicebridge.auth.PushDeliveryVerifier;
import io.invoicebridge.queued.PushedQueuedBatchController;
import io.invoicebridge.queued.QueuedBatchSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Cloud Tasks' deliveries to {@code /v1/batches/work}: each carries an OIDC token Google signed for
 * the function's service account, with the worker URL ({@code BATCH_WORKER_URL}) as audience, as
 * {@link CloudTasksBatchQueue} asks. The function's invoker is public, so the app checks the token
 * itself: RS256 under a key Google publishes, Google as issuer, this worker as audience, the
 * service account's verified email, and the token's times give or take {@link #CLOCK_SKEW}.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
class GoogleIdTokenVerifier implements PushDeliveryVerifier {

  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private static final Set<String> ISSUERS =
      Set.of("https://accounts.google.com", "accounts.google.com");

  /** Google's ID tokens are about 1 KB; anything this long is not one. */
  private static final int MAX_TOKEN_CHARS = 8192;

  private final String audience;
  private final GoogleSigningKeys keys;
  private final GoogleServiceAccount account;
  private final JsonMapper json;
  private final Clock clock;

  GoogleIdTokenVerifier(
      QueuedBatchSettings settings,
      GoogleSigningKeys keys,
      GoogleServiceAccount account,
      JsonMapper json,
      Clock clock) {
    this.audience = Objects.requireNonNull(settings.workerUrl(), "BATCH_WORKER_URL");
    this.keys = keys;
    this.account = account;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public boolean guards(String path) {
    return PushedQueuedBatchController.PATH.equals(path);
  }

  @Override
  public Optional<String> refusal(@Nullable String token) {
    if (token == null || token.isEmpty()) {
      return refused("no bearer token");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return refused("the token is too long to be Google's");
    }
    SignedJwt jwt;
    try {
      jwt = SignedJwt.parse(token, json);
    } catch (IllegalArgumentException e) {
      return refused(e.getMessage());
    }
    Optional<String> unsigned = signatureRefusal(jwt);
    return unsigned.isPresent() ? unsigned : claimsRefusal(jwt.claims());
  }

  private Optional<String> signatureRefusal(SignedJwt jwt) {
    if (!"RS256".equals(text(jwt.header(), "alg"))) {
      return refused("not signed with RS256");
    }
    String kid = text(jwt.header(), "kid");
    Optional<PublicKey> key = kid == null ? Optional.empty() : keys.key(kid);
    if (key.isEmpty()) {
      return refused("signed with a key Google does not publish");
    }
    return jwt.signedBy(key.get()) ? Optional.empty() : refused("the signature does not verify");
  }

  private Optional<String> claimsRefusal(JsonNode claims) {
    if (!ISSUERS.contains(text(claims, "iss"))) {
      return refused("the issuer is not Google");
    }
    if (!audienceNamed(claims.get("aud"))) {
      return refused("the audience is not this worker (BATCH_WORKER_URL)");
    }
    if (!serviceAccount().equals(text(claims, "email"))) {
      return refused("not the service account tasks are created with");
    }
    JsonNode verified = claims.get("email_verified");
    if (verified == null || !verified.isBoolean() || !verified.getBooleanValue()) {
      return refused("the email is not verified");
    }
    return timesRefusal(claims);
  }

  private Optional<String> timesRefusal(JsonNode claims) {
    Instant now = clock.instant();
    Optional<Instant> expires = instant(claims, "exp");
    Optional<Instant> issued = instant(claims, "iat");
    if (expires.isEmpty() || issued.isEmpty()) {
      return refused("no exp or iat");
    }
    if (!now.minus(CLOCK_SKEW).isBefore(expires.get())) {
      return refused("expired");
    }
    if (issued.get().isAfter(now.plus(CLOCK_SKEW))) {
      return refused("issued in the future");
    }
    boolean early =
        instant(claims, "nbf").filter(nbf -> nbf.isAfter(now.plus(CLOCK_SKEW))).isPresent();
    return early ? refused("not valid yet") : Optional.empty();
  }

  private boolean audienceNamed(@Nullable JsonNode aud) {
    if (aud != null && aud.isArray()) {
      for (JsonNode each : aud.values()) {
        if (each.isString() && audience.equals(each.getStringValue())) {
          return true;
        }
      }
      return false;
    }
    return aud != null && aud.isString() && audience.equals(aud.getStringValue());
  }

  private String serviceAccount() {
    try {
      return account.email();
    } catch (IOException e) {
      throw new PushDeliveryUnverifiableException("the service account: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushDeliveryUnverifiableException("the service account: interrupted", e);
    }
  }

  private static Optional<Instant> instant(JsonNode claims, String field) {
    JsonNode value = claims.get(field);
    return value != null && value.isNumber()
        ? Optional.of(Instant.ofEpochSecond(value.getLongValue()))
        : Optional.empty();
  }

  private static Optional<String> refused(String reason) {
    return Optional.of(reason);
  }
}
