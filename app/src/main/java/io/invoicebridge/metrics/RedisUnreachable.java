package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * A Redis call failed without an answer from Redis.
 *
 * @param reason safe words only (never the URL or its password)
 */
public record RedisUnreachable(String reason) implements OperationalEvent {

  @Override
  public String name() {
    return "redis_unreachable";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of().with("reason", reason).build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.count("RedisUnreachable"));
  }
}
