package io.invoicebridge.testing;

import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The fake's invoices and partners, in memory, with freee's ids, numbers and list filters. */
final class FakeInvoices {

  /** A partner of the company. */
  record Partner(long id, String code, String name) {}

  /** A stored invoice, shaped like freee's {@code InvoiceResponse} (abridged). */
  record Invoice(
      long id,
      String number,
      LocalDate billingDate,
      Partner partner,
      String memo,
      String createdAt,
      Instant storedAt) {
    Map<String, Object> json(long companyId) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("company_id", companyId);
      json.put("invoice_number", number);
      json.put("billing_date", billingDate.toString());
      json.put("partner_id", partner.id());
      json.put("partner_code", partner.code());
      json.put("partner_name", partner.name());
      json.put("memo", memo);
      json.put("sending_status", "unsent");
      json.put("created_at", createdAt);
      return json;
    }
  }

  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

  private final List<Partner> partners = new ArrayList<>();
  private final List<Invoice> invoices = new ArrayList<>();
  private long nextId = 49_034_600;

  synchronized void addPartner(long id, String code, String name) {
    partners.add(new Partner(id, code, name));
  }

  synchronized Optional<Partner> partner(JsonNode body) {
    JsonNode id = body.get("partner_id");
    String code = FakeInvoiceValidation.text(body, "partner_code");
    return partners.stream()
        .filter(
            p -> id != null && id.isNumber() ? p.id() == id.getLongValue() : p.code().equals(code))
        .findFirst();
  }

  synchronized Invoice store(LocalDate billingDate, Partner partner, String memo, Instant now) {
    long id = nextId++;
    Invoice invoice =
        new Invoice(
            id,
            "INV-%07d".formatted(invoices.size() + 1),
            billingDate,
            partner,
            memo,
            CREATED_AT.format(now),
            now);
    invoices.add(invoice);
    return invoice;
  }

  synchronized List<Invoice> matching(Predicate<Invoice> filter) {
    return invoices.stream().filter(filter).toList();
  }

  synchronized List<Partner> partnersMatching(String keyword) {
    return partners.stream()
        .filter(p -> keyword == null || p.code().contains(keyword) || p.name().contains(keyword))
        .toList();
  }
}
