package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/** The stored freee refresh token's age in whole days (it lives 90). */
public record RefreshTokenAge(long ageDays) implements OperationalEvent {

  @Override
  public String name() {
    return "refresh_token_age";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of().with("age_days", ageDays).build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("RefreshTokenAgeDays", "None", ageDays));
  }
}
