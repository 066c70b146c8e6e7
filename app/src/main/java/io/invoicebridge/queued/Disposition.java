package io.invoicebridge.queued;

import java.time.Duration;

/** What the transport does with a message once the worker has handled it. */
public sealed interface Disposition {

  /** The longest {@link #backoff} waits. */
  Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /**
   * The item has its final result, the callback is delivered or no longer owed, or the batch is
   * gone: delete the message.
   */
  record Done() implements Disposition {}

  /**
   * The item or callback must be tried again: replace the message by {@code next}, delivered after
   * {@code delay}. A wait for a quota window or another owner keeps the attempt count; a failure
   * raises it.
   */
  record Later(QueuedBatchMessage next, Duration delay) implements Disposition {}

  /**
   * The item or callback was given up ({@code failed} recorded on the batch): dead-letter the
   * message.
   */
  record GaveUp(String reason) implements Disposition {}

  static Disposition done() {
    return new Done();
  }

  static Disposition later(QueuedBatchMessage next, Duration delay) {
    return new Later(next, delay);
  }

  /**
   * The wait after {@code failedAttempts} failures in a row: 2, 4, 8 ... seconds, at most 5 min.
   */
  static Duration backoff(int failedAttempts) {
    Duration wait = Duration.ofSeconds(1L << Math.min(failedAttempts, 16));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
