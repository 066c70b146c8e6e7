package io.invoicebridge.auth;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Authenticates what a push queue delivers (Cloud Tasks' OIDC tokens, checked by the GCP adapter)
 * on the paths it guards, in place of the run token: the queue must never hold the run token, and
 * the run token is not accepted there. Every other {@code /v1} path keeps the run token.
 */
public interface PushDeliveryVerifier {

  /** Whether requests to {@code path} are the queue's, authenticated here and only here. */
  boolean guards(String path);

  /**
   * Checks the bearer token of one delivery.
   *
   * @param bearerToken the token after {@code Bearer }, or null when the request had none
   * @return empty when the token proves the queue sent the request; otherwise why not, in words
   *     that never quote the token
   * @throws PushDeliveryUnverifiableException when what the check needs (e.g. the issuer's signing
   *     keys) cannot be had: nothing is known about the token, so the queue should retry
   */
  Optional<String> refusal(@Nullable String bearerToken);
}
