package io.invoicebridge.terraform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for a deployed bridge: answers /health and /v1/preflight in the app's JSON shapes, as
 * the version the stand-in terraform last applied would, and the invoice paths through {@link
 * FakeInvoiceApi}. Details only with the right run token, as a bearer token or in
 * Invoice-Bridge-Run-Token. Optionally behind a front door of the cloud's own (see {@link
 * #frontDoor}), which answers 401 before the app sees anything.
 */
final class FakeBridgeEndpoint implements AutoCloseable {

  /** How one version behaves once deployed. */
  record Behaviour(String health, String redis, String preflightVerdict) {
    static final Behaviour HEALTHY = new Behaviour("UP", "UP", "pass");
  }

  private static final String DRY_RUN_WARNING =
      """
      {"name":"dry_run","verdict":"warn","detail":"FREEE_DRY_RUN=true: nothing is sent to freee"},""";

  private final HttpServer server;
  private final String runToken;
  private final Path deployedVersion;
  private final Map<String, Behaviour> versions = new ConcurrentHashMap<>();
  private final FakeInvoiceApi invoices;
  private volatile String frontDoorHeader;
  private volatile String frontDoorValuePrefix;

  /**
   * @param deployedVersion the stand-in state's {@code deployed_version}; its siblings {@code
   *     deployed_dry_run} and {@code deployed_company_id} say how the invoice paths answer
   */
  FakeBridgeEndpoint(String runToken, Path deployedVersion) throws IOException {
    this.runToken = runToken;
    this.deployedVersion = deployedVersion;
    this.invoices = new FakeInvoiceApi(this::authenticated, this::dryRun, this::companyId);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", this::health);
    server.createContext("/v1/preflight", this::preflight);
    server.createContext("/v1/invoices", invoices::handle);
    server.start();
  }

  FakeInvoiceApi invoices() {
    return invoices;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on a request whose {@code header} does not start with {@code prefix} gets 401. */
  FakeBridgeEndpoint frontDoor(String header, String prefix) {
    frontDoorHeader = header;
    frontDoorValuePrefix = prefix;
    return this;
  }

  /** Lets the request through the front door, or answers 401 as the cloud would. */
  private boolean passedFrontDoor(HttpExchange exchange) throws IOException {
    if (frontDoorHeader == null) {
      return true;
    }
    String value = exchange.getRequestHeaders().getFirst(frontDoorHeader);
    if (value != null && value.startsWith(frontDoorValuePrefix)) {
      return true;
    }
    answer(exchange, 401, "{\"message\":\"Unauthorized\"}");
    return false;
  }

  FakeBridgeEndpoint version(String version, Behaviour behaviour) {
    versions.put(version, behaviour);
    return this;
  }

  private Behaviour current() throws IOException {
    String version =
        Files.exists(deployedVersion) ? Files.readString(deployedVersion).trim() : "none";
    return versions.getOrDefault(version, Behaviour.HEALTHY);
  }

  private boolean dryRun() {
    return deployedSetting("deployed_dry_run").equals("true");
  }

  private long companyId() {
    String id = deployedSetting("deployed_company_id");
    return id.isEmpty() ? 0 : Long.parseLong(id);
  }

  private String deployedSetting(String file) {
    try {
      Path path = deployedVersion.resolveSibling(file);
      return Files.exists(path) ? Files.readString(path).trim() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean authenticated(HttpExchange exchange) {
    return ("Bearer " + runToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || runToken.equals(exchange.getRequestHeaders().getFirst("Invoice-Bridge-Run-Token"));
  }

  private void health(HttpExchange exchange) throws IOException {
    if (!passedFrontDoor(exchange)) {
      return;
    }
    Behaviour b = current();
    String redis =
        b.redis() == null
            ? ""
            : """
              ,"redis":{"name":"invoice-bridge","status":"%s","details":{"url":"rediss://eu1.upstash.io:6379"%s}}"""
                .formatted(
                    b.redis(),
                    b.redis().equals("UP")
                        ? ",\"latency_ms\":3"
                        : ",\"error\":\"no answer to PING within 1000 ms\"");
    String details =
        """
        ,"details":{"configuration":{"name":"invoice-bridge","status":"UP","details":{"dry_run":%s}}%s}"""
            .formatted(dryRun(), redis);
    String body =
        "{\"name\":\"invoice-bridge\",\"status\":\"%s\"%s}"
            .formatted(b.health(), authenticated(exchange) ? details : "");
    answer(exchange, b.health().equals("UP") ? 200 : 503, body);
  }

  private void preflight(HttpExchange exchange) throws IOException {
    if (!passedFrontDoor(exchange)) {
      return;
    }
    if (!authenticated(exchange)) {
      answer(exchange, 401, "{\"type\":\"urn:invoice-bridge:problem:unauthorized\"}");
      return;
    }
    Behaviour b = current();
    // A careless check that repeats the token: the scripts must still never print it.
    String body =
"""
        {"verdict":"%s","checks":[
          {"name":"run_token","verdict":"pass","detail":"48 characters"},
          {"name":"shared_state","verdict":"pass","detail":"Redis at rediss://eu1.upstash.io:6379"},
%s
          {"name":"freee","verdict":"%s","detail":"token refresh refused for %s"}]}"""
            .formatted(
                b.preflightVerdict(),
                dryRun() ? DRY_RUN_WARNING : "",
                b.preflightVerdict(),
                runToken);
    answer(exchange, 200, body);
  }

  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
