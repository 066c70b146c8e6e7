package io.invoicebridge.ledger;

/** The ledger's store could not be reached or answered nonsense; nothing may be created then. */
public class LedgerUnavailableException extends RuntimeException {

  /**
   * @param reason what went wrong in words safe to show a caller: no host, port or credential
   */
  public LedgerUnavailableException(String step, String reason, Throwable cause) {
    super("ledger " + step + " failed: " + reason, cause);
  }
}
