package io.invoicebridge.bench.coldstart;

/**
 * One fresh JVM to its first answer, in milliseconds: {@code initMs} from spawning the JVM until
 * the function is ready for its first event (Lambda: the runtime client's first poll, which is what
 * Lambda bills as Init Duration; Google's invoker: its port accepting connections), {@code
 * invokeMs} from then until the first answer.
 */
record ColdRun(long initMs, long invokeMs) {

  long totalMs() {
    return initMs + invokeMs;
  }

  static long millisSince(long startNanos, long endNanos) {
    return (endNanos - startNanos) / 1_000_000;
  }
}
