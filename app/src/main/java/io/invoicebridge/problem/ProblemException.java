package io.invoicebridge.problem;

/** A request the API answers with a problem document; subclasses name the failure mode. */
public abstract class ProblemException extends RuntimeException {

  private final transient Problem problem;

  protected ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
