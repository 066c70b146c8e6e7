package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/** A freee access-token refresh ended; never a token, and no reason text (health has that). */
public record TokenRefresh(boolean failed) implements OperationalEvent {

  @Override
  public String name() {
    return "token_refresh";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("result", failed ? "failed" : "succeeded")
        .with("failed", failed ? 1 : 0)
        .build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("TokenRefreshFailures", "Count", failed ? 1 : 0));
  }
}
