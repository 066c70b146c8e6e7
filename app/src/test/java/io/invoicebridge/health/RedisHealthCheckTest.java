package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.context.ApplicationContext;
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

@ExtendWith(RedisServerExtension.class)
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisHealthCheckTest implements TestPropertyProvider {

  /** The check's own 1 s bound plus room for a loaded machine: only a hang fails it. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  @Inject RedisHealthCheck check;

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
  void check_redisUp_upWithLatencyAndUrl() {
    HealthFinding result = resultOf(check);

    assertEquals(HealthFinding.Status.UP, result.status());
    assertEquals("redis", check.name());
    Map<String, Object> details = result.details();
    assertInstanceOf(Long.class, details.get("latency_ms"));
    int port = RedisServerExtension.url().getPort();
    assertEquals("redis://127.0.0.1:" + port, details.get("url"), "the password is left out");
  }

  @Test
  void check_redisStopped_downWithAReason() {
    RedisServerExtension.stop();

    HealthFinding result = resultOf(check);

    assertEquals(HealthFinding.Status.DOWN, result.status());
    Map<String, Object> details = result.details();
    String error = String.valueOf(details.get("error"));
    // A fresh connection "cannot connect"; one opened before the stop "failed": both say why.
    assertTrue(error.startsWith("cannot connect") || error.startsWith("failed"), error);
  }

  @Test
  void check_redisNotAnswering_downAfterItsTimeout() {
    assertEquals(HealthFinding.Status.UP, resultOf(check).status(), "a connection is open");
    RedisServerExtension.admin().freeze(Duration.ofMillis(2500));

    HealthFinding result = resultOf(check);

    assertEquals(HealthFinding.Status.DOWN, result.status());
    Map<String, Object> details = result.details();
    assertEquals("no answer to PING within 1000 ms", details.get("error"));
  }

  @Test
  void check_firstProbeOfAColdInstance_mayTakeTheConnectTime() {
    Map<String, Object> properties =
        Map.of(
            "bridge.run-token", "t".repeat(40),
            "bridge.freee-dry-run", "true",
            "bridge.redis-url", RedisServerExtension.url().toString());
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      RedisHealthCheck cold = context.getBean(RedisHealthCheck.class);
      // Slower than the PING bound (1 s), within the connect timeout (2 s): a cold start's connect.
      RedisServerExtension.admin().freeze(Duration.ofMillis(1500));

      HealthFinding result = resultOf(cold);

      assertEquals(
          HealthFinding.Status.UP, result.status(), () -> String.valueOf(result.details()));
    }
  }

  @Test
  void check_passwordInTheUrl_neverInTheDetails() throws IOException {
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
      HealthFinding result = resultOf(context.getBean(RedisHealthCheck.class));

      assertEquals(HealthFinding.Status.DOWN, result.status());
      Map<String, Object> details = result.details();
      assertEquals("rediss://127.0.0.1:" + port, details.get("url"));
      assertFalse(details.toString().contains("s3cret-pass"), details.toString());
    }
  }

  private static HealthFinding resultOf(RedisHealthCheck check) {
    return assertTimeoutPreemptively(BOUND, check::check);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
