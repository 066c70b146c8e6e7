package io.invoicebridge.freee.answer;

import java.time.Duration;

/**
 * How one HTTP call to freee ended. The split between {@link Lost} and {@link Unreached} is what
 * makes a failed create uncertain or certain.
 */
public sealed interface FreeeExchange {

  Duration duration();

  /** freee answered (any status); {@code reading} says what the answer means, read once. */
  record Answered(FreeeAnswer answer, FreeeReading reading) implements FreeeExchange {
    @Override
    public Duration duration() {
      return answer.duration();
    }
  }

  /**
   * The request was (or may have been) sent but no answer came: read timeout, the deadline, a
   * connection closed or reset mid-exchange. freee may have acted on it.
   */
  record Lost(String reason, Duration duration) implements FreeeExchange {}

  /** No connection was made (refused, unknown host, connect timeout): nothing was sent. */
  record Unreached(String reason, Duration duration) implements FreeeExchange {}
}
