package io.invoicebridge.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One bridge instance on its real Netty server, talking to a {@link FakeFreee}, driven over real
 * HTTP like a field system would.
 */
public final class BridgeServer implements AutoCloseable {

  public static final String RUN_TOKEN = FreeeTestApp.RUN_TOKEN;

  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private AutoCloseable owned = () -> {};

  private BridgeServer(EmbeddedServer server) {
    this.server = server;
  }

  /**
   * An instance wired to {@code fake}, seeded with {@code refreshToken}, plus {@code overrides}.
   */
  public static BridgeServer start(
      FakeFreee fake, String refreshToken, Map<String, Object> overrides) {
    Map<String, Object> properties = FreeeTestApp.properties(fake, refreshToken);
    properties.put("micronaut.server.port", -1);
    properties.putAll(overrides);
    return new BridgeServer(ApplicationContext.run(EmbeddedServer.class, properties));
  }

  /**
   * An instance wired to {@code fake}, seeded with a refresh token {@code fake} issues, plus {@code
   * overrides}; closing the instance closes {@code fake} too.
   */
  public static BridgeServer withFreee(FakeFreee fake, Map<String, Object> overrides) {
    BridgeServer bridge = start(fake, fake.issueRefreshToken(), overrides);
    bridge.owned = fake;
    return bridge;
  }

  public ApplicationContext context() {
    return server.getApplicationContext();
  }

  public HttpResponse<String> postBatch(String body) {
    return send(request("/v1/invoices/batch").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Submits an asynchronous batch ({@code POST /v1/batches}); 202 when it was queued. */
  public HttpResponse<String> submitBatch(String body) {
    return send(request("/v1/batches").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to {@code path} with the run token and a JSON content type. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + RUN_TOKEN)
        .header("Content-Type", "application/json");
  }

  /** Polls the asynchronous batch at {@code location} until it is complete; its last view. */
  public JsonNode pollUntilComplete(String location) {
    JsonNode[] last = new JsonNode[1];
    Waits.until(
        () -> {
          last[0] = json(send(request(location).GET()));
          return "complete".equals(last[0].get("status").getStringValue());
        },
        Duration.ofMinutes(3),
        Duration.ofMillis(100));
    return last[0];
  }

  public URI uri(String path) {
    return URI.create(server.getURL() + path);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JsonMapper.createDefault().readValue(response.body(), JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(response.body(), e);
    }
  }

  /** The JSON text of {@code node}, for assertion messages. */
  public static String text(JsonNode node) {
    try {
      return JsonMapper.createDefault().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
    try {
      owned.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
