package io.invoicebridge.freee.token;

/** The token store or its lock could not be reached, or its record could not be read. */
public class TokenStoreUnavailableException extends RuntimeException {

  public TokenStoreUnavailableException(String step, Throwable cause) {
    super("token store " + step + " failed: " + cause.getClass().getSimpleName(), cause);
  }

  /** {@code reason} names what is wrong, never a token or a key. */
  public TokenStoreUnavailableException(String step, String reason) {
    super("token store " + step + " failed: " + reason);
  }
}
