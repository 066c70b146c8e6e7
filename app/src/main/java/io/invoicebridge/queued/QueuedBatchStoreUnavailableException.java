package io.invoicebridge.queued;

/** The batch store could not be reached or answered with an error. */
public class QueuedBatchStoreUnavailableException extends RuntimeException {

  private final String step;

  public QueuedBatchStoreUnavailableException(String step, String reason, Throwable cause) {
    super("the batch store failed (" + step + "): " + reason, cause);
    this.step = step;
  }

  public String step() {
    return step;
  }
}
