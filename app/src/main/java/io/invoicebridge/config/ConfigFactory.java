package io.invoicebridge.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
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
}
