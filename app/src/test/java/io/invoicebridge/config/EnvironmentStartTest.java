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
      HttpResponse<String> health = healthOnceSettled(port);
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

  /**
   * Asks /health until it answers 200 or a minute has passed, as the deploy pipeline does: the
   * first answer may come before the lazy Redis connection is made.
   */
  private static HttpResponse<String> healthOnceSettled(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .header("Authorization", "Bearer " + RUN_TOKEN)
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plusSeconds(60);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (last.statusCode() == 200) {
          return last;
        }
      } catch (IOException notListeningYet) {
        // the JVM is still starting
      }
      Thread.sleep(250);
    }
    if (last == null) {
      throw new IOException("the bridge did not answer on port " + port + " within a minute");
    }
    return last;
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
