package io.invoicebridge.quota;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Why no freee call may start before {@code until}: a window spent (or, for queued work, all but
 * its interactive share), the minute's pacing, freee's 403 block or a {@code Retry-After}. {@code
 * window} is set for {@link Cause#SPENT}, {@link Cause#PACED} and {@link Cause#INTERACTIVE_SHARE};
 * {@code limit} is that window's limit (0 when unknown).
 */
public record QuotaWait(Cause cause, @Nullable Window window, Instant until, int limit) {

  public enum Cause {
    /** The window's calls are used up until its reset. */
    SPENT,
    /** The minute's pacing: calls one interval apart; the next free slot is {@code until}. */
    PACED,
    /** freee answered 403 for excessive access. */
    BLOCKED,
    /** freee answered 429 with a {@code Retry-After}. */
    ASKED_TO_WAIT,
    /** Queued work has spent the window but for the share kept for interactive requests. */
    INTERACTIVE_SHARE
  }

  public static QuotaWait spent(Window window, Instant until, int limit) {
    return new QuotaWait(Cause.SPENT, window, until, limit);
  }

  public static QuotaWait paced(Window window, Instant until, int limit) {
    return new QuotaWait(Cause.PACED, window, until, limit);
  }

  public static QuotaWait interactiveShare(Window window, Instant until, int limit) {
    return new QuotaWait(Cause.INTERACTIVE_SHARE, window, until, limit);
  }

  public QuotaWait until(Instant later) {
    return new QuotaWait(cause, window, later, limit);
  }

  /** For the item's {@code detail} and the pause's log line; names the window and the instant. */
  public String detail() {
    return switch (cause) {
      case SPENT -> limitName() + " is spent; it resets at " + until;
      case PACED -> limitName() + " paces calls; the next may start at " + until;
      case BLOCKED -> "freee blocked calls for excessive access (403) until " + until;
      case ASKED_TO_WAIT -> "freee answered 429 and asked to wait until " + until;
      case INTERACTIVE_SHARE ->
          "asynchronous work leaves the rest of "
              + limitName()
              + " to interactive requests; it resets at "
              + until;
    };
  }

  private String limitName() {
    String name = "freee's " + (window == null ? "" : window.adjective() + " ") + "limit";
    return limit > 0 ? name + " of " + limit : name;
  }
}
