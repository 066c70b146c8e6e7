package io.invoicebridge.queued;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The batch store and the local queue: in Redis when {@code REDIS_URL} is set, in memory otherwise
 * (like the ledger). A cloud queue ({@code BATCH_QUEUE} other than {@code local}) is its adapter's
 * {@link BatchQueue} bean instead.
 */
@Factory
class QueuedBatchesFactory {

  @Singleton
  QueuedBatchStore batchStore(
      BridgeConfig config, Clock clock, BeanProvider<RedisConnections> redis) {
    return redis.isPresent()
        ? new RedisQueuedBatchStore(redis.get(), keys(config))
        : new InMemoryQueuedBatchStore(clock);
  }

  @Singleton
  @Requires(
      property = QueuedBatchSettings.PREFIX + ".queue",
      value = "local",
      defaultValue = "local")
  LeasedQueue localQueue(
      BridgeConfig config, Clock clock, JsonMapper json, BeanProvider<RedisConnections> redis) {
    return redis.isPresent()
        ? new RedisBatchQueue(redis.get(), keys(config), json)
        : new InMemoryBatchQueue(clock, json);
  }

  private static RedisKeys keys(BridgeConfig config) {
    return new RedisKeys(config.freee().companyNamespace());
  }
}
