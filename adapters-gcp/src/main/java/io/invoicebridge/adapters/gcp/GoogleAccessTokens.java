package io.invoicebridge.adapters.gcp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The function's own access token, from the metadata server, kept until a minute before it expires.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
public class GoogleAccessTokens {

  private static final String PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
  private static final Duration EARLY = Duration.ofMinutes(1);

  private final MetadataServer metadata;
  private final JsonMapper json;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;

  GoogleAccessTokens(MetadataServer metadata, JsonMapper json, Clock clock) {
    this.metadata = metadata;
    this.json = json;
    this.clock = clock;
  }

  /** A valid access token. */
  public synchronized String token() throws IOException, InterruptedException {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      JsonNode body = json.readValue(metadata.get(PATH), JsonNode.class);
      token = body.get("access_token").getStringValue();
      refreshAt = clock.instant().plusSeconds(body.get("expires_in").getLongValue()).minus(EARLY);
    }
    return token;
  }
}
