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
 * The metadata server every Google runtime serves, for the function's own identity ({@code
 * GCE_METADATA_HOST} overrides its address, as in Google's own libraries).
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
class MetadataServer {

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  MetadataServer(@Value("${gce.metadata.host:metadata.google.internal}") String host) {
    this.base = "http://" + host;
  }

  /**
   * The body of {@code path} (e.g. {@code /computeMetadata/v1/instance/...}).
   *
   * @throws IOException when the server is out of reach or answers anything but 200
   */
  byte[] get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(5))
            .header("Metadata-Flavor", "Google")
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("the metadata server answered HTTP " + response.statusCode());
    }
    return response.body();
  }
}
