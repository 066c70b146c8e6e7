package io.invoicebridge.adapters.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.invoicebridge.conformance.deployed.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in of what the function meets on Google Cloud for asynchronous batches: the metadata
 * server ({@code GCE_METADATA_HOST}: the access token and the service account's email), Cloud
 * Tasks' REST {@code createTask} (the queue URLs point here), and Google's signing keys (the JWKS
 * of {@link #certsUrl}) with which it signs the OIDC tokens Cloud Tasks attaches to deliveries.
 * Cloud Tasks has no emulator: every request body is parsed strictly into Google's own v2 message
 * {@code CreateTaskRequest} (an unknown field or a wrong type is refused with 400, as the API
 * refuses it), and every answer is printed from Google's {@code Task} message. Keeps every task
 * created, with the queue it went to.
 */
final class CloudTasksStandIn implements AutoCloseable {

  static final String ACCESS_TOKEN = "ya29.stand-in-access-token";
  static final String SERVICE_ACCOUNT = "invoice-bridge-fn@demo-project.iam.gserviceaccount.com";
  private static final String CERTS_PATH = "/oauth2/v3/certs";

  /** One created task: the queue's path and the task as Cloud Tasks holds it. */
  record Created(String queuePath, Task task) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Cloud Tasks' rule for the last part of a task's name. */
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,500}");

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
    return LoopbackServer.serve(64, "/", CloudTasksStandIn::new, owner -> owner::handle);
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
  String oidcTokenFor(Task task, Instant now) {
    OidcToken oidc = task.getHttpRequest().getOidcToken();
    return signer.token(oidc.getAudience(), oidc.getServiceAccountEmail(), now);
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
   * As Cloud Tasks: the caller's access token is required, the body must be a {@code
   * CreateTaskRequest}, a task's name must lie in the queue it is created in, an {@code oidcToken}
   * may name only a service account the caller may act as (here the function's own), and a task
   * name given twice is refused with 409 ALREADY_EXISTS. The answer is the task in the API's
   * default BASIC view (no body).
   */
  private void createTask(HttpExchange exchange, String path) throws IOException {
    if (!("Bearer " + ACCESS_TOKEN)
        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      refuse(exchange, path, Code.UNAUTHENTICATED, 401, "no valid access token");
      return;
    }
    String parent = path.substring("/v2/".length(), path.length() - "/tasks".length());
    CreateTaskRequest request;
    try {
      CreateTaskRequest.Builder builder = CreateTaskRequest.newBuilder();
      JsonFormat.parser().merge(body(exchange), builder);
      request = builder.setParent(parent).build();
    } catch (InvalidProtocolBufferException e) {
      refuse(exchange, path, Code.INVALID_ARGUMENT, 400, e.getMessage());
      return;
    }
    Task task = request.getTask();
    String name =
        task.getName().isEmpty() ? parent + "/tasks/" + UUID.randomUUID() : task.getName();
    if (!name.startsWith(parent + "/tasks/")
        || !TASK_ID.matcher(name.substring(parent.length() + "/tasks/".length())).matches()) {
      refuse(exchange, path, Code.INVALID_ARGUMENT, 400, "task name outside " + parent);
      return;
    }
    OidcToken oidc = task.getHttpRequest().getOidcToken();
    if (task.getHttpRequest().hasOidcToken()
        && !SERVICE_ACCOUNT.equals(oidc.getServiceAccountEmail())) {
      refuse(exchange, path, Code.PERMISSION_DENIED, 403, "cannot act as that service account");
      return;
    }
    if (created.stream().anyMatch(t -> name.equals(t.task().getName()))) {
      error(exchange, Code.ALREADY_EXISTS, 409, "Requested entity already exists");
      return;
    }
    Task held = held(task, name);
    created.add(new Created("/v2/" + parent, held));
    Task basicView =
        held.toBuilder()
            .setHttpRequest(held.getHttpRequest().toBuilder().clearBody())
            .setView(Task.View.BASIC)
            .build();
    answer(exchange, JsonFormat.printer().print(basicView));
  }

  /** The task as Cloud Tasks keeps it: named, with its creation and schedule times. */
  private static Task held(Task task, String name) {
    Instant now = Instant.now();
    Timestamp created =
        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    return task.toBuilder()
        .setName(name)
        .setCreateTime(created)
        .setScheduleTime(task.hasScheduleTime() ? task.getScheduleTime() : created)
        .setView(Task.View.FULL)
        .build();
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private void refuse(HttpExchange exchange, String path, int status) throws IOException {
    refused.add(status + " " + path);
    exchange.sendResponseHeaders(status, -1);
  }

  private void refuse(HttpExchange exchange, String path, Code code, int status, String why)
      throws IOException {
    refused.add(status + " " + path + ": " + why);
    error(exchange, code, status, why);
  }

  /**
   * Google's JSON error body, {@code {"error": {"code", "message", "status"}}}, the status named by
   * {@code google.rpc.Code}.
   */
  private static void error(HttpExchange exchange, Code code, int status, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode();
    error.putObject("error").put("code", status).put("message", message).put("status", code.name());
    send(exchange, status, error.toString());
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    send(exchange, 200, json);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
