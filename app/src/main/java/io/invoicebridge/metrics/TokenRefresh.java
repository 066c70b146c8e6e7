package io.invoicebridge.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
  public String name() {
    return "token_refresh";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("result", result.name().toLowerCase(Locale.ROOT))
        .with("failed", failed())
        .build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("TokenRefreshFailures", "Count", failed()));
  }

  private int failed() {
    return result == Result.SUCCEEDED ? 0 : 1;
  }
}
