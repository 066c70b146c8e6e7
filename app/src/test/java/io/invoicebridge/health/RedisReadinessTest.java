package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redis counts for readiness (the bridge can create nothing without it), not for liveness. */
@ExtendWith(RedisServerExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisReadinessTest implements TestPropertyProvider {

  @Inject
  @Client("/")
  HttpClient http;

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
  void readiness_redisUp_ok() {
    assertEquals(HttpStatus.OK, http.toBlocking().exchange("/health/readiness").getStatus());
  }

  @Test
  void readiness_redisStopped_serviceUnavailable() {
    RedisServerExtension.stop();

    HttpClientResponseException down =
        assertThrows(
            HttpClientResponseException.class,
            () -> http.toBlocking().exchange("/health/readiness"));

    assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus());
  }

  @Test
  void liveness_redisStopped_ok() {
    RedisServerExtension.stop();

    assertEquals(HttpStatus.OK, http.toBlocking().exchange("/health/liveness").getStatus());
  }
}
