package io.invoicebridge.bench.baseline;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Cold-start floor: the JDK's own HTTP server answering 200 on {@code GET /health} on
 * 127.0.0.1:{@code $PORT}. No framework, no dependencies: what a fresh JVM costs by itself.
 */
public final class BareJdkHttpServer {

  private BareJdkHttpServer() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/health",
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
  }
}
