package io.invoicebridge.freee.token;

/**
 * No connection to freee's token endpoint could be made, so the refresh token was not sent and is
 * still valid: the one token failure that is safe to retry.
 */
public class TokenEndpointUnreachableException extends RuntimeException {

  public TokenEndpointUnreachableException(String reason) {
    super(reason);
  }
}
