package io.invoicebridge.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in of SQS's JSON protocol (what AWS SDK v2 speaks to SQS): {@code SendMessage} and {@code
 * SendMessageBatch}, answered with the message ids and body MD5s the SDK checks. Keeps every
 * message sent; the function reaches it through {@code AWS_ENDPOINT_URL_SQS}.
 */
final class SqsStandIn implements AutoCloseable {

  /** One message as SQS received it. */
  record Sent(String queueUrl, String body, int delaySeconds) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  private SqsStandIn(HttpServer server) {
    this.server = server;
  }

  static SqsStandIn start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      SqsStandIn standIn = new SqsStandIn(server);
      server.createContext("/", standIn::handle);
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String queueUrl(String name) {
    return endpoint() + "/123456789012/" + name;
  }

  List<Sent> sent() {
    return List.copyOf(sent);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      ObjectNode answer = JSON.createObjectNode();
      if ("AmazonSQS.SendMessageBatch".equals(target)) {
        ArrayNode successful = answer.putArray("Successful");
        answer.putArray("Failed");
        for (JsonNode entry : request.path("Entries")) {
          ObjectNode ok = record(request, entry).put("Id", entry.path("Id").asText());
          successful.add(ok);
        }
      } else if ("AmazonSQS.SendMessage".equals(target)) {
        answer.setAll(record(request, request));
      } else {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private ObjectNode record(JsonNode request, JsonNode message) {
    String body = message.path("MessageBody").asText();
    sent.add(
        new Sent(request.path("QueueUrl").asText(), body, message.path("DelaySeconds").asInt()));
    ObjectNode ok = JSON.createObjectNode();
    ok.put("MessageId", UUID.randomUUID().toString());
    ok.put("MD5OfMessageBody", md5(body));
    return ok;
  }

  private static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
