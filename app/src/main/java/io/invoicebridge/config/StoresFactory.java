package io.invoicebridge.config;

import io.invoicebridge.freee.token.InMemoryTokenLock;
import io.invoicebridge.freee.token.InMemoryTokenStore;
import io.invoicebridge.freee.token.TokenLock;
import io.invoicebridge.freee.token.TokenStore;
import io.invoicebridge.ledger.InMemoryLedger;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.limit.InMemoryRateLimiter;
import io.invoicebridge.limit.RateLimiter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Chooses the implementations of the state ports: in memory when no {@code REDIS_URL} is set. */
@Factory
class StoresFactory {

  @Singleton
  Ledger ledger(Clock clock) {
    return new InMemoryLedger(clock);
  }

  @Singleton
  TokenStore tokenStore() {
    return new InMemoryTokenStore();
  }

  @Singleton
  TokenLock tokenLock(Clock clock) {
    return new InMemoryTokenLock(clock);
  }

  @Singleton
  RateLimiter rateLimiter(BridgeConfig config, Clock clock) {
    return new InMemoryRateLimiter(clock, config.limits().rateLimitPerMinute());
  }
}
