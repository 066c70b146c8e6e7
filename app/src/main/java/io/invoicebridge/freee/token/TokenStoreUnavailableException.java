package io.invoicebridge.freee.token;

/** The token store or its lock could not be reached. */
public class TokenStoreUnavailableException extends RuntimeException {

  public TokenStoreUnavailableException(String step, Throwable cause) {
    super("token store " + step + " failed: " + cause.getClass().getSimpleName(), cause);
  }
}
