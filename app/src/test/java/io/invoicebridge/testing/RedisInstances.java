package io.invoicebridge.testing;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisTimeouts;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections to the test's redis-server, one for each bridge instance a test plays; closing this
 * closes every one it opened.
 */
public final class RedisInstances implements AutoCloseable {

  private final List<RedisConnections> opened = new ArrayList<>();

  /** A new instance's own connections to the shared server. */
  public RedisConnections connect() {
    RedisConnections redis =
        new RedisConnections(RedisServerExtension.url(), RedisTimeouts.DEFAULT);
    opened.add(redis);
    return redis;
  }

  @Override
  public void close() {
    opened.forEach(RedisConnections::close);
  }
}
