package io.invoicebridge.adapters.azure;

import io.invoicebridge.auth.CachedAccessToken;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The function app's system-assigned identity's token for Azure Storage, from the identity endpoint
 * the Functions host serves ({@code IDENTITY_ENDPOINT} with {@code IDENTITY_HEADER}), kept until
 * five minutes before it expires.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "azure-queue")
public class ManagedIdentityTokens {

  private static final String STORAGE = "https://storage.azure.com/";
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final CachedAccessToken token;

  public ManagedIdentityTokens(
      @Value("${identity.endpoint}") String endpoint,
      @Value("${identity.header}") String identityHeader,
      JsonMapper json,
      Clock clock) {
    URI uri =
        URI.create(
            endpoint
                + "?api-version=2019-08-01&resource="
                + URLEncoder.encode(STORAGE, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .header("X-IDENTITY-HEADER", identityHeader)
            .build();
    this.token = new CachedAccessToken(() -> issue(request, json), EARLY, clock);
  }

  /** A valid token for Azure Storage. */
  public String token() throws IOException, InterruptedException {
    return token.get();
  }

  private CachedAccessToken.Issued issue(HttpRequest request, JsonMapper json)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("the identity endpoint answered HTTP " + response.statusCode());
    }
    JsonNode body = json.readValue(response.body(), JsonNode.class);
    long expiresOn = Long.parseLong(body.get("expires_on").coerceStringValue());
    return new CachedAccessToken.Issued(
        body.get("access_token").getStringValue(), Instant.ofEpochSecond(expiresOn));
  }
}
