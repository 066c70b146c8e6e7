package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

@ExtendWith(RedisServerExtension.class)
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisHealthIndicatorTest implements TestPropertyProvider {

  /** The indicator's own 1 s bound plus room for a loaded machine: only a hang fails it. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  @Inject RedisHealthIndicator indicator;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "bridge.run-token", "t".repeat(40),
        "bridge.freee-dry-run", "true",
        "bridge.redis-url", RedisServerExtension.url().toString());
  }

  @AfterEach
  void restart() {
    RedisServerExtension.start();
  }

  @Test
  void getResult_redisUp_upWithLatencyAndUrl() {
    HealthResult result = resultOf(indicator);

    assertEquals(HealthStatus.UP, result.getStatus());
    assertEquals("redis", result.getName());
    Map<?, ?> details = assertInstanceOf(Map.class, result.getDetails());
    assertInstanceOf(Long.class, details.get("latency_ms"));
    int port = RedisServerExtension.url().getPort();
    assertEquals("redis://127.0.0.1:" + port, details.get("url"), "the password is left out");
  }

  @Test
  void getResult_redisStopped_downWithAReason() {
    RedisServerExtension.stop();

    HealthResult result = resultOf(indicator);

    assertEquals(HealthStatus.DOWN, result.getStatus());
    Map<?, ?> details = assertInstanceOf(Map.class, result.getDetails());
    String error = String.valueOf(details.get("error"));
    // A fresh connection "cannot connect"; one opened before the stop "failed": both say why.
    assertTrue(error.startsWith("cannot connect") || error.startsWith("failed"), error);
  }

  @Test
  void getResult_redisNotAnswering_downAfterItsTimeout() {
    assertEquals(HealthStatus.UP, resultOf(indicator).getStatus(), "a connection is open");
    RedisServerExtension.admin().freeze(Duration.ofMillis(2500));

    HealthResult result = resultOf(indicator);

    assertEquals(HealthStatus.DOWN, result.getStatus());
    Map<?, ?> details = assertInstanceOf(Map.class, result.getDetails());
    assertEquals("no answer to PING within 1000 ms", details.get("error"));
  }

  @Test
  void getResult_firstProbeOfAColdInstance_mayTakeTheConnectTime() {
    Map<String, Object> properties =
        Map.of(
            "bridge.run-token", "t".repeat(40),
            "bridge.freee-dry-run", "true",
            "bridge.redis-url", RedisServerExtension.url().toString());
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      RedisHealthIndicator cold = context.getBean(RedisHealthIndicator.class);
      // Slower than the PING bound (1 s), within the connect timeout (2 s): a cold start's connect.
      RedisServerExtension.admin().freeze(Duration.ofMillis(1500));

      HealthResult result = resultOf(cold);

      assertEquals(HealthStatus.UP, result.getStatus(), () -> String.valueOf(result.getDetails()));
    }
  }

  @Test
  void getResult_passwordInTheUrl_neverInTheDetails() throws IOException {
    int port = closedPort();
    Map<String, Object> properties =
        Map.of(
            "bridge.run-token",
            "t".repeat(40),
            "bridge.freee-dry-run",
            "true",
            "bridge.redis-url",
            "rediss://default:s3cret-pass@127.0.0.1:" + port);
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      HealthResult result = resultOf(context.getBean(RedisHealthIndicator.class));

      assertEquals(HealthStatus.DOWN, result.getStatus());
      Map<?, ?> details = assertInstanceOf(Map.class, result.getDetails());
      assertEquals("rediss://127.0.0.1:" + port, details.get("url"));
      assertFalse(details.toString().contains("s3cret-pass"), details.toString());
    }
  }

  private static HealthResult resultOf(RedisHealthIndicator indicator) {
    return assertTimeoutPreemptively(BOUND, () -> Mono.from(indicator.getResult()).block());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
