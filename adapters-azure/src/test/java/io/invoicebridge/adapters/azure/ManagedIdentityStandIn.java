package io.invoicebridge.adapters.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.invoicebridge.conformance.deployed.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in of the identity endpoint the Functions host serves an app with a managed identity
 * ({@code IDENTITY_ENDPOINT}, checked for {@code X-IDENTITY-HEADER}): no emulator exists for it. It
 * answers a token for Azure Storage shaped as Microsoft Entra ID's (issuer, audience, lifetime),
 * which Azurite's {@code --oauth basic} checks; it is unsigned, as Azurite checks no signature.
 */
final class ManagedIdentityStandIn implements AutoCloseable {

  static final String IDENTITY_HEADER = "stand-in-identity-header";
  private static final String STORAGE = "https://storage.azure.com/";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final Duration LIFETIME = Duration.ofHours(1);

  private final HttpServer server;
  private final List<String> refused = new CopyOnWriteArrayList<>();

  private ManagedIdentityStandIn(HttpServer server) {
    this.server = server;
  }

  static ManagedIdentityStandIn start() {
    return LoopbackServer.serve(
        16, "/msi/token", ManagedIdentityStandIn::new, owner -> owner::handle);
  }

  /** The value of {@code IDENTITY_ENDPOINT}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/msi/token";
  }

  /** Requests refused for a missing identity header or another resource. */
  List<String> refused() {
    return List.copyOf(refused);
  }

  /** A token for Azure Storage, as the endpoint hands one out (for the host's own calls). */
  static String storageToken() {
    Instant now = Instant.now();
    String claims =
        "{\"aud\":\""
            + STORAGE
            + "\",\"iss\":\"https://sts.windows.net/"
            + TENANT
            + "/\",\"iat\":"
            + now.getEpochSecond()
            + ",\"nbf\":"
            + now.getEpochSecond()
            + ",\"exp\":"
            + now.plus(LIFETIME).getEpochSecond()
            + ",\"tid\":\""
            + TENANT
            + "\"}";
    return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(claims) + ".";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      if (!IDENTITY_HEADER.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))
          || !query.contains("resource=" + STORAGE)) {
        refused.add(exchange.getRequestURI().toString());
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      long expiresOn = Instant.now().plus(LIFETIME).getEpochSecond();
      byte[] body =
          ("{\"access_token\":\""
                  + storageToken()
                  + "\",\"expires_on\":\""
                  + expiresOn
                  + "\",\"resource\":\""
                  + STORAGE
                  + "\",\"token_type\":\"Bearer\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
