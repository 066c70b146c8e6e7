package io.invoicebridge.testing;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
  private final List<FakeFreee.Refusal> refusals = new ArrayList<>();

  FakeRateLimit(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  synchronized void configure(int newLimit, Duration newWindow) {
    limit = newLimit;
    window = newWindow;
  }

  /** Counts {@code calls} made by another client of the same company now, room permitting. */
  synchronized void spend(Instant now, int calls) {
    forgetOlderThanWindow(now);
    for (int i = 0; i < calls && accepted.size() < limit; i++) {
      accepted.addLast(now);
      acceptedTotal++;
    }
  }

  /** Counts the call if there is room; false means answer 429. Adds the headers either way. */
  synchronized boolean admit(Instant now, Headers headers) {
    forgetOlderThanWindow(now);
    boolean admitted = accepted.size() < limit;
    if (admitted) {
      accepted.addLast(now);
      acceptedTotal++;
    }
    Instant reset = accepted.isEmpty() ? now.plus(window) : accepted.peekFirst().plus(window);
    if (!admitted) {
      refused++;
      refusals.add(new FakeFreee.Refusal(now, reset));
    }
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

  private void forgetOlderThanWindow(Instant now) {
    while (!accepted.isEmpty() && !accepted.peekFirst().plus(window).isAfter(now)) {
      accepted.removeFirst();
    }
  }

  synchronized int refusedCount() {
    return refused;
  }

  synchronized List<FakeFreee.Refusal> refusals() {
    return List.copyOf(refusals);
  }
}
