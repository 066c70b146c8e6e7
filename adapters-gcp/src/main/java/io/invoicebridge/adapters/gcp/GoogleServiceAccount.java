package io.invoicebridge.adapters.gcp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The email of the function's own service account, from the metadata server ({@code
 * GCE_METADATA_HOST} overrides its address): the identity Cloud Tasks signs each delivery's OIDC
 * token for, and the only one the worker accepts. Read on first use and kept: it cannot change
 * while the instance lives.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
class GoogleServiceAccount {

  private static final String PATH = "/computeMetadata/v1/instance/service-accounts/default/email";

  private final URI uri;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private String email;

  GoogleServiceAccount(@Value("${gce.metadata.host:metadata.google.internal}") String host) {
    this.uri = URI.create("http://" + host + PATH);
  }

  /** The service account's email, e.g. {@code NAME-fn@PROJECT.iam.gserviceaccount.com}. */
  synchronized String email() throws IOException, InterruptedException {
    if (email == null) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(5))
              .header("Metadata-Flavor", "Google")
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || response.body().isBlank()) {
        throw new IOException("the metadata server answered HTTP " + response.statusCode());
      }
      email = response.body().trim();
    }
    return email;
  }
}
