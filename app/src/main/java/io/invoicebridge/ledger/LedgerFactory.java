package io.invoicebridge.ledger;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The ledger in Redis when {@code REDIS_URL} is set, in memory otherwise. A configured Redis that
 * is down makes the ledger fail closed; it never falls back to memory.
 */
@Factory
class LedgerFactory {

  @Singleton
  Ledger ledger(Clock clock, RedisKeys keys, BeanProvider<RedisConnections> redis) {
    return redis.isPresent() ? new RedisLedger(redis.get(), keys) : new InMemoryLedger(clock);
  }
}
