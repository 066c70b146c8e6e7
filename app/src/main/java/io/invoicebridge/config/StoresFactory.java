package io.invoicebridge.config;

import io.invoicebridge.freee.token.InMemoryTokenLock;
import io.invoicebridge.freee.token.InMemoryTokenStore;
import io.invoicebridge.freee.token.RedisTokenLock;
import io.invoicebridge.freee.token.RedisTokenStore;
import io.invoicebridge.freee.token.TokenLock;
import io.invoicebridge.freee.token.TokenStore;
import io.invoicebridge.ledger.InMemoryLedger;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.RedisLedger;
import io.invoicebridge.redis.RedisConfigured;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisTimeouts;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the implementations of the state ports: Redis when {@code REDIS_URL} is set, in memory
 * otherwise. A configured Redis that is down makes the Redis stores fail (closed); they never fall
 * back to memory. Building a Redis store connects nothing: the first command does.
 */
@Factory
class StoresFactory {

  @Singleton
  @Requires(condition = RedisConfigured.class)
  @Bean(preDestroy = "close")
  RedisConnections redisConnections(BridgeConfig config, Clock clock) {
    return new RedisConnections(config.redisUrl().orElseThrow(), RedisTimeouts.DEFAULT, clock);
  }

  @Singleton
  Ledger ledger(BridgeConfig config, Clock clock, BeanProvider<RedisConnections> redis) {
    return redis.isPresent()
        ? new RedisLedger(redis.get(), keys(config))
        : new InMemoryLedger(clock);
  }

  @Singleton
  TokenStore tokenStore(
      BridgeConfig config, BeanProvider<RedisConnections> redis, JsonMapper json) {
    return redis.isPresent()
        ? new RedisTokenStore(redis.get(), keys(config), json)
        : new InMemoryTokenStore();
  }

  @Singleton
  TokenLock tokenLock(BridgeConfig config, Clock clock, BeanProvider<RedisConnections> redis) {
    return redis.isPresent()
        ? new RedisTokenLock(redis.get(), keys(config))
        : new InMemoryTokenLock(clock);
  }

  private static RedisKeys keys(BridgeConfig config) {
    return new RedisKeys(config.freee().companyNamespace());
  }
}
