package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.http.HttpRequest;
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

/**
 * Redis counts for readiness (the bridge can create nothing without it), not for liveness. Asked
 * with the run token, so the answer is evaluated afresh (an anonymous caller's may be a few seconds
 * old: {@link HealthCache}).
 */
@ExtendWith(RedisServerExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisReadinessTest implements TestPropertyProvider {

  private static final String RUN_TOKEN = "t".repeat(40);

  @Inject
  @Client("/")
  HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "bridge.run-token",
        RUN_TOKEN,
        "bridge.freee-dry-run",
        "true",
        "bridge.redis-url",
        RedisServerExtension.url().toString());
  }

  @AfterEach
  void restart() {
    RedisServerExtension.start();
  }

  @Test
  void readiness_redisUp_ok() {
    assertEquals(
        HttpStatus.OK, http.toBlocking().exchange(operator("/health/readiness")).getStatus());
  }

  @Test
  void readiness_redisStopped_serviceUnavailable() {
    RedisServerExtension.stop();

    HttpClientResponseException down =
        assertThrows(
            HttpClientResponseException.class,
            () -> http.toBlocking().exchange(operator("/health/readiness")));

    assertEquals(HttpStatus.SERVICE_UNAVAILABLE, down.getStatus());
  }

  @Test
  void liveness_redisStopped_ok() {
    RedisServerExtension.stop();

    assertEquals(HttpStatus.OK, http.toBlocking().exchange("/health/liveness").getStatus());
  }

  private static HttpRequest<?> operator(String path) {
    return HttpRequest.GET(path).bearerAuth(RUN_TOKEN);
  }
}
