package io.invoicebridge.redis;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.metrics.OperationalEvents;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The connection to the shared Redis, only when {@code REDIS_URL} is set (each state port then
 * chooses its Redis implementation), and the company's key names. Building the connection connects
 * nothing: the first command does.
 */
@Factory
class RedisFactory {

  @Singleton
  @Requires(condition = RedisConfigured.class)
  @Bean(preDestroy = "close")
  RedisConnections redisConnections(BridgeConfig config, Clock clock, OperationalEvents events) {
    return new RedisConnections(
        config.redisUrl().orElseThrow(), RedisTimeouts.DEFAULT, clock, events);
  }

  @Singleton
  RedisKeys redisKeys(BridgeConfig config) {
    return new RedisKeys(config.freee().companyNamespace());
  }
}
