package io.invoicebridge.freee.token;

/**
 * The deadline passed while waiting for the refresh lock or before a refresh could be sent: nothing
 * was sent to freee and nothing was recorded.
 */
public class TokenDeadlineExceededException extends RuntimeException {

  public TokenDeadlineExceededException(String step) {
    super("no time left before the deadline while " + step);
  }
}
