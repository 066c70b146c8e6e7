package io.invoicebridge.testing;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * freee's per-minute limit as a sliding window of configurable length and size (tests use short
 * windows such as 5 per 2 s); answered calls count, refused ones do not.
 */
final class FakeRateLimit {

  static final int HOUR_LIMIT = 1500;
  static final int DAY_LIMIT = 3000;

  private int limit;
  private Duration window;
  private final Deque<Instant> accepted = new ArrayDeque<>();
  private int acceptedTotal;
  private int refused;

  FakeRateLimit(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  synchronized void configure(int newLimit, Duration newWindow) {
    limit = newLimit;
    window = newWindow;
  }

  /** Counts the call if there is room; false means answer 429. Adds the headers either way. */
  synchronized boolean admit(Instant now, Headers headers) {
    while (!accepted.isEmpty() && !accepted.peekFirst().plus(window).isAfter(now)) {
      accepted.removeFirst();
    }
    boolean admitted = accepted.size() < limit;
    if (admitted) {
      accepted.addLast(now);
      acceptedTotal++;
    } else {
      refused++;
    }
    Instant reset = accepted.isEmpty() ? now.plus(window) : accepted.peekFirst().plus(window);
    headers.set("X-Ratelimit-Limit-Minute", Integer.toString(limit));
    headers.set("X-Ratelimit-Remaining-Minute", Integer.toString(limit - accepted.size()));
    headers.set("X-Ratelimit-Reset-Minute", reset.toString());
    headers.set("X-RateLimit-Limit", Integer.toString(HOUR_LIMIT));
    headers.set("X-RateLimit-Remaining", Integer.toString(Math.max(0, HOUR_LIMIT - acceptedTotal)));
    headers.set("X-RateLimit-Reset", now.plus(Duration.ofHours(1)).toString());
    headers.set("X-RateLimit-Limit-Day", Integer.toString(DAY_LIMIT));
    headers.set(
        "X-RateLimit-Remaining-Day", Integer.toString(Math.max(0, DAY_LIMIT - acceptedTotal)));
    return admitted;
  }

  synchronized int refusedCount() {
    return refused;
  }
}
