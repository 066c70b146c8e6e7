package io.invoicebridge.freee.token;

/**
 * No usable freee access token could be had: the refresh failed and the reason was recorded in the
 * token record for health. The message never holds a token value.
 */
public class TokenRefreshFailedException extends RuntimeException {

  public TokenRefreshFailedException(String reason) {
    super(reason);
  }
}
