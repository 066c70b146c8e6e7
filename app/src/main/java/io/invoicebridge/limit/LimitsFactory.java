package io.invoicebridge.limit;

import io.invoicebridge.config.BridgeConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The retry policy every freee call follows, from {@code RETRY_MAX_ATTEMPTS}. */
@Factory
class LimitsFactory {

  @Singleton
  RetryPolicy retryPolicy(BridgeConfig config) {
    return RetryPolicy.of(config.limits().retryMaxAttempts());
  }
}
