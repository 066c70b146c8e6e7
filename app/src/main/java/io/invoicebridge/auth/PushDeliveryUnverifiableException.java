package io.invoicebridge.auth;

import io.micronaut.core.annotation.Nullable;

/**
 * A push delivery's token could not be checked at all (the issuer's signing keys were out of
 * reach): answered 503, so the queue delivers it again later.
 */
public class PushDeliveryUnverifiableException extends RuntimeException {

  public PushDeliveryUnverifiableException(String reason, @Nullable Throwable cause) {
    super("push delivery could not be verified: " + reason, cause);
  }
}
