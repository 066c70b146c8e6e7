package io.invoicebridge.config;

import io.invoicebridge.limit.Sleeper;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the validated configuration eagerly, so a bad environment stops startup at once. */
@Factory
class ConfigFactory {

  @Context
  BridgeConfig bridgeConfig(BridgeProperties properties) {
    return BridgeConfig.from(properties);
  }

  @Context
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }
}
