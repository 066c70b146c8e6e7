package io.invoicebridge.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.freee.token.InMemoryTokenLock;
import io.invoicebridge.freee.token.InMemoryTokenStore;
import io.invoicebridge.freee.token.RedisTokenLock;
import io.invoicebridge.freee.token.RedisTokenStore;
import io.invoicebridge.freee.token.TokenLock;
import io.invoicebridge.freee.token.TokenStore;
import io.invoicebridge.health.HealthCheck;
import io.invoicebridge.ledger.InMemoryLedger;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.LedgerUnavailableException;
import io.invoicebridge.ledger.RedisLedger;
import io.invoicebridge.quota.InMemoryRateLimiter;
import io.invoicebridge.quota.RateLimiter;
import io.invoicebridge.quota.RedisRateLimiter;
import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class StateStoresTest {

  @Test
  void stores_noRedisUrl_inMemoryAndNoRedisHealth() {
    try (ApplicationContext context = ApplicationContext.run(properties(""))) {
      assertInstanceOf(InMemoryLedger.class, context.getBean(Ledger.class));
      assertInstanceOf(InMemoryTokenStore.class, context.getBean(TokenStore.class));
      assertInstanceOf(InMemoryTokenLock.class, context.getBean(TokenLock.class));
      assertInstanceOf(InMemoryRateLimiter.class, context.getBean(RateLimiter.class));
      assertEquals(List.of(), redisHealthChecks(context));
    }
  }

  @Test
  void stores_redisUrl_redisAndExactlyOneRedisHealth() {
    String url = RedisServerExtension.url().toString();
    try (ApplicationContext context = ApplicationContext.run(properties(url))) {
      assertInstanceOf(RedisLedger.class, context.getBean(Ledger.class));
      assertInstanceOf(RedisTokenStore.class, context.getBean(TokenStore.class));
      assertInstanceOf(RedisTokenLock.class, context.getBean(TokenLock.class));
      assertInstanceOf(RedisRateLimiter.class, context.getBean(RateLimiter.class));
      assertEquals(List.of("io.invoicebridge.health.RedisHealthCheck"), redisHealthChecks(context));
    }
  }

  @Test
  void stores_redisConfiguredButDown_startWithoutConnectingAndFailClosed() throws IOException {
    String unreachable = "redis://127.0.0.1:" + closedPort();
    try (ApplicationContext context = ApplicationContext.run(properties(unreachable))) {
      Ledger ledger = context.getBean(Ledger.class);

      assertInstanceOf(RedisLedger.class, ledger);
      assertThrows(LedgerUnavailableException.class, () -> ledger.find("2026-11/ACME/1"));
    }
  }

  private static Map<String, Object> properties(String redisUrl) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("bridge.run-token", "t".repeat(40));
    properties.put("bridge.freee-dry-run", "true");
    properties.put("bridge.redis-url", redisUrl);
    return properties;
  }

  private static List<String> redisHealthChecks(ApplicationContext context) {
    return context.getBeansOfType(HealthCheck.class).stream()
        .map(indicator -> indicator.getClass().getName())
        .filter(name -> name.toLowerCase().contains("redis"))
        .toList();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
