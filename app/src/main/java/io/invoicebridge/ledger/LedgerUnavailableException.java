package io.invoicebridge.ledger;

/** The ledger's store could not be reached or answered nonsense; nothing may be created then. */
public class LedgerUnavailableException extends RuntimeException {

  public LedgerUnavailableException(String step, Throwable cause) {
    super("ledger " + step + " failed: " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
