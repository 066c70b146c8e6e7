package io.invoicebridge.timing;

import java.time.Duration;

/** Waits; a seam so tests of pacing and backoff need not wait in real time. */
@FunctionalInterface
public interface Sleeper {

  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration);
        }
      };

  void sleep(Duration duration) throws InterruptedException;
}
