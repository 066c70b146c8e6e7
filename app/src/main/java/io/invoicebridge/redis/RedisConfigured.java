package io.invoicebridge.redis;

import io.invoicebridge.config.BridgeConfig;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * True when {@code REDIS_URL} is set: the validated {@link BridgeConfig} decides, so "blank means
 * in memory" is defined in one place.
 */
public final class RedisConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context) {
    return context.getBean(BridgeConfig.class).redisUrl().isPresent();
  }
}
