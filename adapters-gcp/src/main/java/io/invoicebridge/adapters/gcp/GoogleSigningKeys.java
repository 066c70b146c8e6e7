package io.invoicebridge.adapters.gcp;

import io.invoicebridge.auth.PushDeliveryUnverifiableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys Google signs ID tokens with, by key id, from its JWKS: read on first use, kept as
 * long as Google's {@code Cache-Control: max-age} says, and read again when a token names a key not
 * held (Google rotates its keys), at most every {@link #MISS_REREAD_INTERVAL} so that made-up key
 * ids cannot make each request call Google. When Google cannot be reached the keys held stay in
 * use.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
class GoogleSigningKeys {

  static final String GOOGLE_CERTS = "https://www.googleapis.com/oauth2/v3/certs";
  static final Duration MISS_REREAD_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(GoogleSigningKeys.class);
  private static final Duration WITHOUT_MAX_AGE = Duration.ofHours(1);
  private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

  private final URI uri;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Map<String, PublicKey> keys = Map.of();
  private Instant expiresAt = Instant.MIN;
  private Instant lastRead = Instant.MIN;

  /**
   * @param certsUrl Google's JWKS; tests and emulators serve their own and point the property
   *     {@code google.id-token.certs-url} (environment variable {@code GOOGLE_ID_TOKEN_CERTS_URL})
   *     at it, as {@code GCE_METADATA_HOST} does for the metadata server. Deployments leave it
   *     unset.
   */
  GoogleSigningKeys(
      @Value("${google.id-token.certs-url:" + GOOGLE_CERTS + "}") String certsUrl,
      JsonMapper json,
      Clock clock) {
    this.uri = URI.create(certsUrl);
    this.json = json;
    this.clock = clock;
  }

  /**
   * The key Google signs with under {@code kid}; empty when Google publishes none by that id.
   *
   * @throws PushDeliveryUnverifiableException when the keys cannot be read and none are held, or a
   *     key id not held cannot be looked up
   */
  synchronized Optional<PublicKey> key(String kid) {
    Instant now = clock.instant();
    if (!now.isBefore(expiresAt)) {
      readKeepingHeldKeys(now);
    }
    PublicKey key = keys.get(kid);
    if (key == null && !now.isBefore(lastRead.plus(MISS_REREAD_INTERVAL))) {
      read(now);
      key = keys.get(kid);
    }
    return Optional.ofNullable(key);
  }

  private void readKeepingHeldKeys(Instant now) {
    try {
      read(now);
    } catch (PushDeliveryUnverifiableException e) {
      if (keys.isEmpty()) {
        throw e;
      }
      LOG.warn("{}; the keys held stay in use", e.getMessage());
      expiresAt = now.plus(MISS_REREAD_INTERVAL);
    }
  }

  private void read(Instant now) {
    lastRead = now;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      keys = Jwks.rs256Keys(json.readValue(response.body(), JsonNode.class));
      expiresAt = now.plus(maxAge(response.headers().firstValue("Cache-Control").orElse("")));
    } catch (IOException e) {
      throw new PushDeliveryUnverifiableException("Google's signing keys: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushDeliveryUnverifiableException("Google's signing keys: interrupted", e);
    }
  }

  private static Duration maxAge(String cacheControl) {
    Matcher m = MAX_AGE.matcher(cacheControl);
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : WITHOUT_MAX_AGE;
  }
}
