package io.invoicebridge.problem;

/**
 * A path or query parameter that cannot name anything: refused before any store is asked, and named
 * in the problem's {@code parameter}.
 */
public class InvalidParameterException extends ProblemException {

  public InvalidParameterException(String parameter, String detail) {
    super(Problem.of(ProblemType.INVALID_PARAMETER, detail).withParameter(parameter));
  }
}
