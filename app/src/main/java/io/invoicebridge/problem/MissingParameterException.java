package io.invoicebridge.problem;

/** A required header or query parameter is missing or malformed. */
public class MissingParameterException extends ProblemException {

  public MissingParameterException(ProblemType type, String detail) {
    super(Problem.of(type, detail));
  }
}
