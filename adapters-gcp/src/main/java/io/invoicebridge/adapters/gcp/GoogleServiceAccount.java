package io.invoicebridge.adapters.gcp;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The email of the function's own service account, from the metadata server: the identity Cloud
 * Tasks signs each delivery's OIDC token for, and the only one the worker accepts. Read on first
 * use and kept: it cannot change while the instance lives.
 */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
class GoogleServiceAccount {

  private static final String PATH = "/computeMetadata/v1/instance/service-accounts/default/email";

  private final MetadataServer metadata;
  private String email;

  GoogleServiceAccount(MetadataServer metadata) {
    this.metadata = metadata;
  }

  /** The service account's email, e.g. {@code NAME-fn@PROJECT.iam.gserviceaccount.com}. */
  synchronized String email() throws IOException, InterruptedException {
    if (email == null) {
      String answer = new String(metadata.get(PATH), StandardCharsets.UTF_8).trim();
      if (answer.isEmpty()) {
        throw new IOException("the metadata server answered no email");
      }
      email = answer;
    }
    return email;
  }
}
