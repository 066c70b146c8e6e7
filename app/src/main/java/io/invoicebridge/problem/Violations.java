package io.invoicebridge.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The invalid fields of one request as they are found: every one counted, the first {@link #KEPT}
 * kept. A body of a few megabytes can hold hundreds of thousands of mistakes; listing them all
 * would build, and send, an answer larger than the body.
 */
public final class Violations {

  /** How many problems an answer lists; the count says how many there were. */
  public static final int KEPT = 100;

  private final List<Violation> kept = new ArrayList<>();
  private int count;

  public void add(String pointer, String message) {
    count++;
    if (kept.size() < KEPT) {
      kept.add(new Violation(pointer, message));
    }
  }

  public void add(Violation violation) {
    add(violation.pointer(), violation.message());
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Every problem found, listed or not. */
  public int count() {
    return count;
  }

  /** The first {@link #KEPT} problems, in the order they were found. */
  public List<Violation> kept() {
    return List.copyOf(kept);
  }
}
