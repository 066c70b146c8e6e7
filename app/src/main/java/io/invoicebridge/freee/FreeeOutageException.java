package io.invoicebridge.freee;

import java.time.Instant;

/** freee failed too often in a row; no call was sent. */
public class FreeeOutageException extends RuntimeException {

  private final transient Instant retryAt;

  public FreeeOutageException(int failuresInARow, Instant retryAt) {
    super(
        "freee failed "
            + failuresInARow
            + " calls in a row; no call is sent before "
            + retryAt
            + " (resend then)");
    this.retryAt = retryAt;
  }

  public Instant retryAt() {
    return retryAt;
  }
}
