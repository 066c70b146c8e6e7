package io.invoicebridge.problem;

/** The body is not JSON, or not the expected shape. */
public class MalformedBodyException extends ProblemException {

  public MalformedBodyException(String detail) {
    super(Problem.of(ProblemType.MALFORMED_BODY, detail));
  }
}
