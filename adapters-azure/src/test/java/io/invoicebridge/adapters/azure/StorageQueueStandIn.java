package io.invoicebridge.adapters.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in of what the function app calls on Azure for asynchronous batches: the identity
 * endpoint ({@code IDENTITY_ENDPOINT}, checked for {@code X-IDENTITY-HEADER}) and the queue
 * service's Put Message. Keeps every message put (its text decoded), with its queue.
 */
final class StorageQueueStandIn implements AutoCloseable {

  static final String IDENTITY_HEADER = "stand-in-identity-header";
  static final String TOKEN = "stand-in-storage-token";

  /** One message put: the queue's path, its decoded text and visibility timeout (s). */
  record Put(String queuePath, String text, long visibilityTimeoutSeconds) {}

  private static final Pattern TEXT = Pattern.compile("<MessageText>([^<]*)</MessageText>");
  private static final Pattern VISIBILITY = Pattern.compile("visibilitytimeout=(\\d+)");

  private final HttpServer server;
  private final List<Put> puts = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  private StorageQueueStandIn(HttpServer server) {
    this.server = server;
  }

  static StorageQueueStandIn start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      StorageQueueStandIn standIn = new StorageQueueStandIn(server);
      server.createContext("/", standIn::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String identityEndpoint() {
    return base() + "/msi/token";
  }

  String queueUrl(String queue) {
    return base() + "/invoicebridgefn/" + queue;
  }

  List<Put> puts() {
    return List.copyOf(puts);
  }

  List<String> refused() {
    return List.copyOf(refused);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      if (path.equals("/msi/token")) {
        if (!IDENTITY_HEADER.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))
            || !query.contains("resource=https://storage.azure.com/")) {
          refuse(exchange, path, 400);
          return;
        }
        long expiresOn = Instant.now().plusSeconds(3600).getEpochSecond();
        answer(
            exchange,
            200,
            "{\"access_token\":\""
                + TOKEN
                + "\",\"expires_on\":\""
                + expiresOn
                + "\","
                + "\"resource\":\"https://storage.azure.com/\",\"token_type\":\"Bearer\"}");
      } else if (path.endsWith("/messages") && "POST".equals(exchange.getRequestMethod())) {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
            || exchange.getRequestHeaders().getFirst("x-ms-version") == null) {
          refuse(exchange, path, 403);
          return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher text = TEXT.matcher(body);
        Matcher visibility = VISIBILITY.matcher(query);
        if (!text.find()) {
          refuse(exchange, path, 400);
          return;
        }
        String decoded =
            new String(Base64.getDecoder().decode(text.group(1)), StandardCharsets.UTF_8);
        puts.add(
            new Put(
                path.substring(0, path.length() - "/messages".length()),
                decoded,
                visibility.find() ? Long.parseLong(visibility.group(1)) : 0));
        answer(exchange, 201, "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList/>");
      } else {
        refuse(exchange, path, 404);
      }
    }
  }

  private void refuse(HttpExchange exchange, String path, int status) throws IOException {
    refused.add(status + " " + path);
    exchange.sendResponseHeaders(status, -1);
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
