package io.invoicebridge.freee.token;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The token record and the refresh lock in Redis when {@code REDIS_URL} is set (the record sealed
 * with {@code TOKEN_ENCRYPTION_KEYS}), in memory otherwise. A configured Redis that is down makes
 * them fail closed; they never fall back to memory.
 */
@Factory
class TokenStoresFactory {

  @Singleton
  TokenStore tokenStore(
      RedisKeys keys, BeanProvider<RedisConnections> redis, JsonMapper json, BridgeConfig config) {
    return redis.isPresent()
        ? new RedisTokenStore(redis.get(), keys, json, config.tokenEncryptionKeys())
        : new InMemoryTokenStore();
  }

  @Singleton
  TokenLock tokenLock(Clock clock, RedisKeys keys, BeanProvider<RedisConnections> redis) {
    return redis.isPresent() ? new RedisTokenLock(redis.get(), keys) : new InMemoryTokenLock(clock);
  }
}
