package io.invoicebridge.problem;

/** The body or the batch exceeds a configured limit; nothing was processed. */
public class PayloadTooLargeException extends ProblemException {

  public PayloadTooLargeException(String detail, int limit) {
    super(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail).withLimit(limit));
  }
}
