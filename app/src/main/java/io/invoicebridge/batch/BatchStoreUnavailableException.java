package io.invoicebridge.batch;

/** The batch store could not be reached or answered with an error. */
public class BatchStoreUnavailableException extends RuntimeException {

  private final String step;

  public BatchStoreUnavailableException(String step, String reason, Throwable cause) {
    super("the batch store failed (" + step + "): " + reason, cause);
    this.step = step;
  }

  public String step() {
    return step;
  }
}
