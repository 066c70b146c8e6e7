package io.invoicebridge.adapters.gcp;

import io.invoicebridge.auth.CachedAccessToken;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The function's own access token, from the metadata server, kept until a minute before it expires.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
public class GoogleAccessTokens {

  private static final String PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
  private static final Duration EARLY = Duration.ofMinutes(1);

  private final CachedAccessToken token;

  GoogleAccessTokens(MetadataServer metadata, JsonMapper json, Clock clock) {
    this.token = new CachedAccessToken(() -> issue(metadata, json, clock), EARLY, clock);
  }

  /** A valid access token. */
  public String token() throws IOException, InterruptedException {
    return token.get();
  }

  private static CachedAccessToken.Issued issue(
      MetadataServer metadata, JsonMapper json, Clock clock)
      throws IOException, InterruptedException {
    JsonNode body = json.readValue(metadata.get(PATH), JsonNode.class);
    return new CachedAccessToken.Issued(
        body.get("access_token").getStringValue(),
        clock.instant().plusSeconds(body.get("expires_in").getLongValue()));
  }
}
