package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The invoice paths of a stand-in bridge in the app's JSON shapes (docs/api.md): {@code POST
 * /v1/invoices/batch}, {@code POST /v1/invoices} and {@code GET /v1/invoices?key=}. In dry run each
 * item answers {@code dry_run} with the body it would send (the deployed company first); otherwise
 * an item is created once per key and replayed after.
 */
final class FakeInvoiceApi {

  /** An invoice the stand-in created, with the company the deployment pointed it at. */
  record Created(String key, long invoiceId, long companyId) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Predicate<HttpExchange> authenticated;
  private final BooleanSupplier dryRun;
  private final LongSupplier companyId;
  private final Map<String, Created> ledger = new ConcurrentHashMap<>();
  private final List<Created> created = new ArrayList<>();
  private final AtomicLong nextInvoiceId = new AtomicLong(9_000_001);
  private volatile boolean forgetsKeys;

  FakeInvoiceApi(
      Predicate<HttpExchange> authenticated, BooleanSupplier dryRun, LongSupplier companyId) {
    this.authenticated = authenticated;
    this.dryRun = dryRun;
    this.companyId = companyId;
  }

  /** Every invoice created (replays left out), in order. */
  synchronized List<Created> created() {
    return List.copyOf(created);
  }

  /** Lookups answer 404 from now on, as a bridge reading another ledger than it writes would. */
  FakeInvoiceApi forgetKeys() {
    forgetsKeys = true;
    return this;
  }

  void handle(HttpExchange exchange) throws IOException {
    if (!authenticated.test(exchange)) {
      FakeBridgeEndpoint.answer(exchange, 401, problem("unauthorized"));
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("POST") && path.equals("/v1/invoices/batch")) {
      batch(exchange);
    } else if (method.equals("POST") && path.equals("/v1/invoices")) {
      single(exchange);
    } else if (method.equals("GET") && path.equals("/v1/invoices")) {
      lookup(exchange);
    } else {
      FakeBridgeEndpoint.answer(exchange, 404, problem("not-found"));
    }
  }

  private void batch(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    ArrayNode results = JSON.createArrayNode();
    for (JsonNode item : body.path("invoices")) {
      results.add(outcome(item.path("key").asText(), item));
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("complete", true).put("dry_run", dryRun.getAsBoolean()).set("results", results);
    FakeBridgeEndpoint.answer(exchange, 200, response.toString());
  }

  private void single(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (key == null || key.isBlank()) {
      FakeBridgeEndpoint.answer(exchange, 400, problem("missing-idempotency-key"));
      return;
    }
    ObjectNode result = outcome(key, JSON.readTree(exchange.getRequestBody()));
    if (result.path("status").asText().equals("replayed")) {
      exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
    }
    int status = result.path("status").asText().equals("created") ? 201 : 200;
    FakeBridgeEndpoint.answer(exchange, status, result.toString());
  }

  private void lookup(HttpExchange exchange) throws IOException {
    String key = queryKey(exchange.getRequestURI().getRawQuery());
    Created invoice = forgetsKeys || key == null ? null : ledger.get(key);
    if (invoice == null) {
      FakeBridgeEndpoint.answer(exchange, 404, problem("not-found"));
      return;
    }
    ObjectNode status = JSON.createObjectNode();
    status.put("key", key).put("status", "created").put("invoice_id", invoice.invoiceId());
    FakeBridgeEndpoint.answer(exchange, 200, status.toString());
  }

  private synchronized ObjectNode outcome(String key, JsonNode item) {
    ObjectNode result = JSON.createObjectNode().put("key", key);
    if (dryRun.getAsBoolean()) {
      ObjectNode wouldSend = JSON.createObjectNode().put("company_id", companyId.getAsLong());
      item.fields().forEachRemaining(f -> wouldSend.set(f.getKey(), f.getValue()));
      wouldSend.remove("key");
      return result.put("status", "dry_run").put("attempts", 0).set("would_send", wouldSend);
    }
    Created earlier = ledger.get(key);
    if (earlier != null) {
      return result.put("status", "replayed").put("invoice_id", earlier.invoiceId());
    }
    Created invoice = new Created(key, nextInvoiceId.getAndIncrement(), companyId.getAsLong());
    ledger.put(key, invoice);
    created.add(invoice);
    return result
        .put("status", "created")
        .put("invoice_id", invoice.invoiceId())
        .put("attempts", 1);
  }

  private static String queryKey(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("key=")) {
        return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String problem(String name) {
    return "{\"type\":\"urn:invoice-bridge:problem:" + name + "\"}";
  }
}
