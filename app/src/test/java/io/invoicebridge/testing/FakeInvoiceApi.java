package io.invoicebridge.testing;

import static io.invoicebridge.testing.FakeHttp.error;
import static io.invoicebridge.testing.FakeHttp.respond;

import com.sun.net.httpserver.HttpExchange;
import io.invoicebridge.testing.FakeInvoices.Invoice;
import io.invoicebridge.testing.FakeInvoices.Partner;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The fake's {@code /iv/invoices} and {@code /api/1/partners} endpoints, faults included. */
record FakeInvoiceApi(FakeInvoices invoices, FakeFaults faults, long companyId) {

  void create(HttpExchange exchange, String body, Instant now)
      throws IOException, InterruptedException {
    JsonNode json = FakeHttp.jsonBody(body);
    if (json == null || !json.isObject()) {
      respond(exchange, 400, error(400, "bad_request", List.of("不正なリクエストです。")));
      return;
    }
    List<String> problems = FakeInvoiceValidation.problems(json, companyId);
    Optional<Partner> partner = invoices.partner(json);
    if (problems.isEmpty() && partner.isEmpty()) {
      problems = List.of("取引先が見つかりません。");
    }
    if (!problems.isEmpty()) {
      respond(exchange, 400, error(400, "validation", problems));
      return;
    }
    if (FakeFaults.take(faults.unavailableBeforeCreate)) {
      respond(exchange, 503, error(503, "error", List.of("サービスが一時的に利用できません。")));
      return;
    }
    Invoice invoice =
        invoices.store(
            LocalDate.parse(FakeInvoiceValidation.text(json, "billing_date")),
            partner.get(),
            FakeInvoiceValidation.text(json, "memo"),
            now);
    if (FakeFaults.take(faults.dropAfterCreate)) {
      FakeHttp.drop(exchange);
      return;
    }
    if (FakeFaults.take(faults.slowAfterCreate)) {
      Thread.sleep(faults.slowAnswer);
    }
    respond(exchange, 201, Map.of("invoice", invoice.json(companyId)));
  }

  void list(HttpExchange exchange, Map<String, String> query) throws IOException {
    if (!Long.toString(companyId).equals(query.get("company_id"))) {
      respond(exchange, 400, error(400, "validation", List.of("company_id が不正です。")));
      return;
    }
    int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    Set<Long> partnerIds = ids(query.get("partner_ids"));
    if (limit < 1
        || limit > 100
        || offset < 0
        || limit + offset > 10_000
        || partnerIds.size() > 3) {
      respond(
          exchange, 400, error(400, "validation", List.of("limit, offset または partner_ids が不正です。")));
      return;
    }
    List<Invoice> page =
        invoices.matching(filter(query, partnerIds)).stream().skip(offset).limit(limit).toList();
    respond(exchange, 200, Map.of("invoices", page.stream().map(i -> i.json(companyId)).toList()));
  }

  void get(HttpExchange exchange, long id) throws IOException {
    Optional<Invoice> invoice = invoices.matching(i -> i.id() == id).stream().findFirst();
    if (invoice.isEmpty()) {
      respond(exchange, 404, error(404, "status", List.of("指定した請求書は存在しません。")));
      return;
    }
    respond(exchange, 200, Map.of("invoice", invoice.get().json(companyId)));
  }

  void partners(HttpExchange exchange, Map<String, String> query) throws IOException {
    List<Map<String, Object>> found =
        invoices.partnersMatching(query.get("keyword")).stream()
            .map(p -> Map.<String, Object>of("id", p.id(), "code", p.code(), "name", p.name()))
            .toList();
    respond(exchange, 200, Map.of("partners", found));
  }

  private static Predicate<Invoice> filter(Map<String, String> query, Set<Long> partnerIds) {
    LocalDate start = date(query.get("start_billing_date"), LocalDate.MIN);
    LocalDate end = date(query.get("end_billing_date"), LocalDate.MAX);
    return invoice ->
        !invoice.billingDate().isBefore(start)
            && !invoice.billingDate().isAfter(end)
            && (partnerIds.isEmpty() || partnerIds.contains(invoice.partner().id()));
  }

  private static LocalDate date(String text, LocalDate fallback) {
    return text == null || text.isEmpty() ? fallback : LocalDate.parse(text);
  }

  private static Set<Long> ids(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .map(Long::valueOf)
        .collect(Collectors.toSet());
  }
}
