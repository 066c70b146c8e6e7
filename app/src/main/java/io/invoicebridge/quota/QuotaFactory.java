package io.invoicebridge.quota;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.timing.RetryPolicy;
import io.invoicebridge.timing.Sleeper;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The limiter and the retry policy every freee call follows: freee's three windows from {@code
 * RATE_LIMIT_PER_MINUTE}, {@code RATE_LIMIT_PER_HOUR} and {@code RATE_LIMIT_PER_DAY}, shared
 * through Redis when {@code REDIS_URL} is set (a configured Redis that is down fails closed: no
 * slot, no call), per instance otherwise; retries from {@code RETRY_MAX_ATTEMPTS}.
 */
@Factory
class QuotaFactory {

  @Singleton
  RetryPolicy retryPolicy(BridgeConfig config) {
    return RetryPolicy.of(config.limits().retryMaxAttempts());
  }

  @Singleton
  Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  @Singleton
  Quota quota(
      BridgeConfig config,
      @Value("${" + Quota.SCALE_PROPERTY + ":1}") int scale,
      @Value("${" + Quota.PHASE_PROPERTY + ":0}") long phaseMs) {
    return new Quota(
        config.limits().rateLimitPerMinute(),
        config.limits().rateLimitPerHour(),
        config.limits().rateLimitPerDay(),
        config.limits().rateLimitInteractiveSharePercent(),
        scale,
        Duration.ofMillis(phaseMs));
  }

  @Singleton
  RateLimiter rateLimiter(
      Quota quota, Clock clock, RedisKeys keys, BeanProvider<RedisConnections> redis) {
    return redis.isPresent()
        ? new RedisRateLimiter(redis.get(), keys, quota, clock)
        : new InMemoryRateLimiter(clock, quota);
  }
}
