package io.invoicebridge.metrics;

import java.util.Locale;

/**
 * A freee access-token refresh ended; never a token, and no reason text (health has that). An
 * unsaved refresh counts as a failure: freee rotated the refresh token but the token store could
 * not record it within the refresh lock's lease, so the only copy lives in one instance's memory.
 */
public record TokenRefresh(Result result) implements OperationalEvent {

  /** How the refresh ended. */
  public enum Result {
    SUCCEEDED,
    FAILED,
    UNSAVED
  }

  @Override
  public EventLine line() {
    return EventLine.named("token_refresh")
        .field("result", result.name().toLowerCase(Locale.ROOT))
        .field("failed", failed())
        .metric("TokenRefreshFailures", "Count", failed());
  }

  private int failed() {
    return result == Result.SUCCEEDED ? 0 : 1;
  }
}
