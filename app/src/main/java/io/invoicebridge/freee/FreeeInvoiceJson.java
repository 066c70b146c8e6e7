package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeErrorBody;
import io.invoicebridge.ledger.CreatedInvoice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads freee's invoice objects ({@code InvoiceResponse}) into what the ledger keeps. */
final class FreeeInvoiceJson {

  /** freee writes {@code created_at} as Japan local time without an offset. */
  static final ZoneId FREEE_ZONE = ZoneId.of("Asia/Tokyo");

  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private FreeeInvoiceJson() {}

  /**
   * @param fallbackCreatedAt used when {@code created_at} is missing or unreadable
   * @throws IllegalArgumentException when the object has no numeric {@code id}
   */
  static CreatedInvoice toCreated(@Nullable JsonNode invoice, Instant fallbackCreatedAt) {
    JsonNode id = invoice == null ? null : invoice.get("id");
    if (id == null || !id.isNumber()) {
      throw new IllegalArgumentException("freee's invoice object has no id");
    }
    return new CreatedInvoice(
        id.getLongValue(),
        FreeeErrorBody.text(invoice, "invoice_number"),
        createdAt(FreeeErrorBody.text(invoice, "created_at"), fallbackCreatedAt));
  }

  @Nullable
  static String memo(JsonNode invoice) {
    return FreeeErrorBody.text(invoice, "memo");
  }

  private static Instant createdAt(@Nullable String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return LocalDateTime.parse(text, CREATED_AT).atZone(FREEE_ZONE).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
