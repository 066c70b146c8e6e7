package io.invoicebridge.redis;

/**
 * What a Redis implementation of a state port works with: the instance's one connection and the key
 * names of its freee company, so deployments of several companies can share one database.
 */
public abstract class RedisStore {

  protected final RedisConnections redis;
  protected final RedisKeys keys;

  protected RedisStore(RedisConnections redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }
}
