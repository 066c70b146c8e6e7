package io.invoicebridge.adapters.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in of what the function calls on Google Cloud for asynchronous batches: the metadata
 * server's token endpoint ({@code GCE_METADATA_HOST}) and Cloud Tasks' REST {@code createTask} (the
 * queue URL points here). Keeps every task created, with the queue it went to.
 */
final class CloudTasksStandIn implements AutoCloseable {

  static final String ACCESS_TOKEN = "ya29.stand-in-access-token";

  /** One created task: the queue's path and the task as sent. */
  record Created(String queuePath, JsonNode task) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Created> created = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  private CloudTasksStandIn(HttpServer server) {
    this.server = server;
  }

  static CloudTasksStandIn start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      CloudTasksStandIn standIn = new CloudTasksStandIn(server);
      server.createContext("/", standIn::handle);
      server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of {@code GCE_METADATA_HOST}: host and port. */
  String metadataHost() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String queueUrl(String queue) {
    return "http://"
        + metadataHost()
        + "/v2/projects/demo-project/locations/asia-northeast1/queues/"
        + queue;
  }

  List<Created> created() {
    return List.copyOf(created);
  }

  /** Requests refused for a missing or wrong access token or metadata header. */
  List<String> refused() {
    return List.copyOf(refused);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.endsWith("/service-accounts/default/token")) {
        if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
          refuse(exchange, path, 403);
          return;
        }
        answer(
            exchange,
            "{\"access_token\":\""
                + ACCESS_TOKEN
                + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
      } else if (path.endsWith("/tasks") && "POST".equals(exchange.getRequestMethod())) {
        if (!("Bearer " + ACCESS_TOKEN)
            .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          refuse(exchange, path, 401);
          return;
        }
        JsonNode task = JSON.readTree(exchange.getRequestBody()).path("task");
        String queue = path.substring(0, path.length() - "/tasks".length());
        created.add(new Created(queue, task));
        answer(
            exchange, "{\"name\":\"" + queue.substring(4) + "/tasks/" + UUID.randomUUID() + "\"}");
      } else {
        refuse(exchange, path, 404);
      }
    }
  }

  private void refuse(HttpExchange exchange, String path, int status) throws IOException {
    refused.add(status + " " + path);
    exchange.sendResponseHeaders(status, -1);
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
