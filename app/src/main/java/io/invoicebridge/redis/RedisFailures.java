package io.invoicebridge.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import java.util.concurrent.TimeoutException;

/** Says why a Redis call failed, in words safe for health details and logs. */
public final class RedisFailures {

  private RedisFailures() {}

  /**
   * Never a message that could hold the URL's password: Redis's own error replies (e.g. {@code
   * WRONGPASS}) never echo it; every other cause is named by its type only.
   */
  public static String describe(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return "no answer in time";
    }
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RedisCommandExecutionException refused) {
        return "Redis refused: " + refused.getMessage();
      }
      root = t;
    }
    String kind = failure instanceof RedisConnectionException ? "cannot connect" : "failed";
    return kind + " (" + root.getClass().getSimpleName() + ")";
  }
}
