package io.invoicebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.Application;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the real main class in a fresh JVM configured only by environment variables, as every
 * cloud configures it: what the deploy pipeline checks after an apply must hold. Micronaut also
 * maps REDIS_URL onto redis.url, a property third-party Redis support reacts to.
 */
@ExtendWith(RedisServerExtension.class)
class EnvironmentStartTest {

  private static final String RUN_TOKEN = "env-start-run-token-0123456789abcdefghij";

  @Test
  void main_redisUrlInEnvironment_healthUpWithTheConfiguredRedisUp() throws Exception {
    int port = freePort();
    Process process =
        start(
            Map.of(
                "RUN_TOKEN",
                RUN_TOKEN,
                "FREEE_DRY_RUN",
                "true",
                "REDIS_URL",
                RedisServerExtension.url().toString(),
                "PORT",
                Integer.toString(port)));
    try {
      HttpResponse<String> health = getWhenUp(port, "/health");
      JsonNode body = BridgeServer.json(health);

      assertEquals(200, health.statusCode(), health.body());
      JsonNode redis = body.get("details").get("redis");
      assertEquals("UP", body.get("status").getStringValue(), health.body());
      assertEquals("UP", redis.get("status").getStringValue(), health.body());
      assertTrue(
          redis.get("details").get("latency_ms") != null,
          "the bridge's own indicator, pinging the configured Redis: " + health.body());
    } finally {
      process.destroy();
    }
  }

  private static HttpResponse<String> getWhenUp(int port, String path) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + RUN_TOKEN)
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException notListeningYet) {
        if (Instant.now().isAfter(deadline)) {
          throw notListeningYet;
        }
        Thread.sleep(200);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Process start(Map<String, String> environment) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Application.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("FREEE_") || name.startsWith("REDIS") || name.equals("RUN_TOKEN"));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
