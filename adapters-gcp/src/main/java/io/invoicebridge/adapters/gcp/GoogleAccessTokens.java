package io.invoicebridge.adapters.gcp;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The function's own access token, from the metadata server every Google runtime serves ({@code
 * GCE_METADATA_HOST} overrides its address, as in Google's own libraries), kept until a minute
 * before it expires.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
public class GoogleAccessTokens {

  private static final String PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
  private static final Duration EARLY = Duration.ofMinutes(1);

  private final URI uri;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private String token;
  private Instant refreshAt = Instant.MIN;

  public GoogleAccessTokens(
      @Value("${gce.metadata.host:metadata.google.internal}") String host,
      JsonMapper json,
      Clock clock) {
    this.uri = URI.create("http://" + host + PATH);
    this.json = json;
    this.clock = clock;
  }

  /** A valid access token. */
  public synchronized String token() throws IOException, InterruptedException {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(5))
              .header("Metadata-Flavor", "Google")
              .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("the metadata server answered HTTP " + response.statusCode());
      }
      JsonNode body = json.readValue(response.body(), JsonNode.class);
      token = body.get("access_token").getStringValue();
      refreshAt = clock.instant().plusSeconds(body.get("expires_in").getLongValue()).minus(EARLY);
    }
    return token;
  }
}
