package io.invoicebridge.metrics;

/**
 * A Redis call failed without an answer from Redis.
 *
 * @param reason safe words only (never the URL or its password)
 */
public record RedisUnreachable(String reason) implements OperationalEvent {

  @Override
  public EventLine line() {
    return EventLine.named("redis_unreachable")
        .field("reason", reason)
        .metric(Metric.count("RedisUnreachable"));
  }
}
