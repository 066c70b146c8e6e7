package io.invoicebridge.timing;

import java.time.Clock;
import java.time.Duration;

/**
 * The two deadlines of one request: {@code answer}, by which the response is handed back (inside
 * {@code REQUEST_TIMEOUT_MS}), and the earlier {@code work}, after which no freee call starts and
 * every running call has been cut off, leaving time to record outcomes and write the response. Both
 * carry the request's {@link Lane}.
 */
public record RequestDeadlines(Deadline answer, Deadline work) {

  private static final Duration MAX_MARGIN = Duration.ofSeconds(2);

  public static RequestDeadlines within(Duration requestTimeout, Clock clock) {
    Duration margin = requestTimeout.dividedBy(10);
    if (margin.compareTo(MAX_MARGIN) > 0) {
      margin = MAX_MARGIN;
    }
    Deadline end = Deadline.in(requestTimeout, clock);
    Deadline answer = end.minus(margin.dividedBy(4));
    return new RequestDeadlines(answer, end.minus(margin));
  }

  /** The same deadlines for a queued item of an asynchronous batch. */
  public RequestDeadlines queued() {
    return new RequestDeadlines(answer.queued(), work.queued());
  }
}
