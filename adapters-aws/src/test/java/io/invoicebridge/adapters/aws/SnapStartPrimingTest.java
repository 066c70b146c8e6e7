package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.health.HealthController;
import io.invoicebridge.invoice.InvoiceController;
import io.invoicebridge.invoice.InvoiceCreation;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestConfig;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SnapStart's hooks on the deployed handler, against a real Redis that asks for a password: the
 * checkpoint hook primes through the handler without touching Redis or freee and leaves no
 * connection open; after a restore the first command connects afresh.
 */
class SnapStartPrimingTest {

  private static final String RUN_TOKEN = "snapstart-test-run-token-0123456789abcdef";

  private InvoiceBridgeHandler handler;

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void handler_beforeFirstRequest_hasBuiltNeitherInvoiceNorHealthController() {
    handler = start(Map.of());

    assertFalse(built(InvoiceController.class), "the invoice controller waits for its request");
    assertFalse(built(HealthController.class), "the health controller waits for its request");
  }

  @Test
  void beforeCheckpoint_servesPrimingRequestsAndBuildsTheCreationPath() {
    handler = start(Map.of());

    List<Integer> statuses = handler.priming().prime();

    assertEquals(List.of(422, 200), statuses, "an invalid batch, then liveness");
    assertTrue(built(InvoiceController.class), "the batch path is in the snapshot");
    assertTrue(built(HealthController.class), "the health controller is in the snapshot");
    assertTrue(built(InvoiceCreation.class), "the creation path is in the snapshot");
  }

  @Test
  void beforeCheckpoint_withRedis_sendsNoCommandAndLeavesNoConnectionOpen() {
    handler = start(Map.of("bridge.redis-url", RedisServerExtension.url().toString()));
    RedisConnections redis = context().getBean(RedisConnections.class);
    redis.ping();
    RedisServerExtension.admin().resetStats();

    handler.priming().beforeCheckpoint(null);

    assertFalse(redis.connected(), "no socket may be in the snapshot");
    Map<String, Long> calls = RedisServerExtension.admin().commandCalls();
    calls.keySet().removeIf(name -> name.equals("info") || name.startsWith("config"));
    assertEquals(Map.of(), calls, "priming reads and writes no state");
  }

  @Test
  void afterRestore_dropsAnyConnectionAndTheNextCommandConnectsAfresh() {
    handler = start(Map.of("bridge.redis-url", RedisServerExtension.url().toString()));
    RedisConnections redis = context().getBean(RedisConnections.class);
    handler.priming().beforeCheckpoint(null);
    redis.ping();

    handler.priming().afterRestore(null);

    assertFalse(redis.connected(), "nothing from before the restore is reused");
    assertEquals("PONG", redis.ping());
    assertTrue(redis.connected());
  }

  private static InvoiceBridgeHandler start(Map<String, String> settings) {
    Map<String, Object> properties = new java.util.HashMap<>(settings);
    properties.put("bridge.run-token", RUN_TOKEN);
    properties.put("bridge.freee-dry-run", "false");
    properties.put("bridge.freee-client-id", "client-id");
    properties.put("bridge.freee-client-secret", "client-secret");
    properties.put("bridge.freee-refresh-token", "refresh-token");
    properties.put("bridge.freee-company-id", "12345");
    properties.put("bridge.token-encryption-keys", TestConfig.TOKEN_ENCRYPTION_KEYS);
    return new InvoiceBridgeHandler(
        InvoiceBridgeHandler.contextBuilder().properties(properties).build());
  }

  private ApplicationContext context() {
    return handler.getApplicationContext();
  }

  private boolean built(Class<?> type) {
    return !context().getActiveBeanRegistrations(type).isEmpty();
  }
}
