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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in of what the function meets on Google Cloud for asynchronous batches: the metadata
 * server ({@code GCE_METADATA_HOST}: the access token and the service account's email), Cloud
 * Tasks' REST {@code createTask} (the queue URLs point here), and Google's signing keys (the JWKS
 * of {@link #certsUrl}) with which it signs the OIDC tokens Cloud Tasks attaches to deliveries.
 * Keeps every task created, with the queue it went to.
 */
final class CloudTasksStandIn implements AutoCloseable {

  static final String ACCESS_TOKEN = "ya29.stand-in-access-token";
  static final String SERVICE_ACCOUNT = "invoice-bridge-fn@demo-project.iam.gserviceaccount.com";
  private static final String CERTS_PATH = "/oauth2/v3/certs";

  /** One created task: the queue's path and the task as sent. */
  record Created(String queuePath, JsonNode task) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final GoogleIdTokens signer = GoogleIdTokens.generate("stand-in-key-1");
  private final List<Created> created = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger certsReads = new AtomicInteger();
  private volatile List<GoogleIdTokens> published = List.of(signer);
  private volatile long certsMaxAgeSeconds = 21_600;

  private CloudTasksStandIn(HttpServer server) {
    this.server = server;
  }

  static CloudTasksStandIn start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      CloudTasksStandIn standIn = new CloudTasksStandIn(server);
      server.createContext("/", standIn::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
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

  /** Where Google publishes its signing keys, here. */
  String certsUrl() {
    return "http://" + metadataHost() + CERTS_PATH;
  }

  /** The key the stand-in signs with, as Google does. */
  GoogleIdTokens signer() {
    return signer;
  }

  /** Publishes these keys from now on (Google rotating its keys). */
  void publish(List<GoogleIdTokens> keys) {
    published = List.copyOf(keys);
  }

  void certsMaxAgeSeconds(long seconds) {
    certsMaxAgeSeconds = seconds;
  }

  int certsReads() {
    return certsReads.get();
  }

  /**
   * The token Cloud Tasks puts in the {@code Authorization} header when it delivers {@code task}:
   * signed by Google for the task's {@code oidcToken} (its service account and audience).
   */
  String oidcTokenFor(JsonNode task, Instant now) {
    JsonNode oidc = task.path("httpRequest").path("oidcToken");
    return signer.token(
        oidc.path("audience").asText(), oidc.path("serviceAccountEmail").asText(), now);
  }

  List<Created> created() {
    return List.copyOf(created);
  }

  /** Tasks created in the queue named {@code queue}. */
  List<Created> created(String queue) {
    return created.stream().filter(t -> t.queuePath().endsWith("/queues/" + queue)).toList();
  }

  /** Requests refused for a missing or wrong access token or metadata header. */
  List<String> refused() {
    return List.copyOf(refused);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/computeMetadata/")) {
        metadata(exchange, path);
      } else if (path.equals(CERTS_PATH)) {
        certsReads.incrementAndGet();
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=" + certsMaxAgeSeconds);
        answer(exchange, GoogleIdTokens.jwks(published));
      } else if (path.endsWith("/tasks") && "POST".equals(exchange.getRequestMethod())) {
        createTask(exchange, path);
      } else {
        refuse(exchange, path, 404);
      }
    }
  }

  private void metadata(HttpExchange exchange, String path) throws IOException {
    if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
      refuse(exchange, path, 403);
    } else if (path.endsWith("/service-accounts/default/token")) {
      answer(
          exchange,
          "{\"access_token\":\""
              + ACCESS_TOKEN
              + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    } else if (path.endsWith("/service-accounts/default/email")) {
      byte[] body = SERVICE_ACCOUNT.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/text");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } else {
      refuse(exchange, path, 404);
    }
  }

  /**
   * As Cloud Tasks: the caller's access token is required, an {@code oidcToken} may name only a
   * service account the caller may act as (here the function's own), and a task name given twice is
   * refused with 409 ALREADY_EXISTS.
   */
  private void createTask(HttpExchange exchange, String path) throws IOException {
    if (!("Bearer " + ACCESS_TOKEN)
        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      refuse(exchange, path, 401);
      return;
    }
    JsonNode task = JSON.readTree(exchange.getRequestBody()).path("task");
    JsonNode oidc = task.path("httpRequest").path("oidcToken");
    if (!oidc.isMissingNode()
        && !SERVICE_ACCOUNT.equals(oidc.path("serviceAccountEmail").asText())) {
      refuse(exchange, path, 403);
      return;
    }
    String queue = path.substring(0, path.length() - "/tasks".length());
    String name = task.path("name").asText(queue.substring(4) + "/tasks/" + UUID.randomUUID());
    if (created.stream().anyMatch(t -> name.equals(t.task().path("name").asText()))) {
      exchange.sendResponseHeaders(409, -1);
      return;
    }
    created.add(new Created(queue, task));
    answer(exchange, "{\"name\":\"" + name + "\"}");
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
