package io.invoicebridge.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting in tests: a plain pause, and polling until a condition holds. */
public final class Waits {

  private Waits() {}

  /** Sleeps {@code duration}; an interrupt is kept on the thread and ends the test. */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks {@code condition} every {@code every} until it holds; fails the test when it still does
   * not after {@code within}.
   */
  public static void until(BooleanSupplier condition, Duration within, Duration every) {
    Instant giveUp = Instant.now().plus(within);
    while (!condition.getAsBoolean() && Instant.now().isBefore(giveUp)) {
      pause(every);
    }
    if (!condition.getAsBoolean()) {
      throw new AssertionError("condition never held within " + within);
    }
  }
}
