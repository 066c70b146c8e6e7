package io.invoicebridge.problem;

import java.util.List;

/** One or more items break freee's rules; the whole request is refused and nothing is sent. */
public class InvalidItemsException extends ProblemException {

  public InvalidItemsException(String detail, List<Violation> violations) {
    super(Problem.of(ProblemType.VALIDATION, detail).withErrors(violations, violations.size()));
  }

  /** The first problems listed, all of them counted. */
  public InvalidItemsException(String detail, Violations violations) {
    super(
        Problem.of(ProblemType.VALIDATION, detail)
            .withErrors(violations.kept(), violations.count()));
  }
}
