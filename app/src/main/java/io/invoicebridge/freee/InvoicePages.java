package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeErrorBody;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.timing.Deadline;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fetches one page of {@code GET /iv/invoices} for a reconciliation and says why it failed. */
@Singleton
class InvoicePages {

  /** One page's invoices, or why the page could not be had ({@code failure} non-null). */
  record Page(List<JsonNode> invoices, @Nullable String failure) {
    static Page failed(String reason) {
      return new Page(List.of(), reason);
    }
  }

  private final FreeeCaller caller;
  private final FreeeApiClient api;
  private final JsonMapper json;

  InvoicePages(FreeeCaller caller, FreeeApiClient api, JsonMapper json) {
    this.caller = caller;
    this.api = api;
    this.json = json;
  }

  Page fetch(
      ReconcileQuery query,
      long companyId,
      @Nullable Long partnerId,
      int offset,
      Deadline deadline) {
    String date = query.billingDate().toString();
    String partners = partnerId == null ? null : partnerId.toString();
    Optional<FreeeExchange> exchange =
        caller.call(
            "GET /iv/invoices",
            CallKind.LOOKUP,
            deadline,
            auth ->
                api.listInvoices(
                    auth, companyId, date, date, partners, FreeeInvoiceFinder.PAGE_SIZE, offset));
    return exchange.map(this::read).orElseGet(() -> Page.failed("no time left to read invoices"));
  }

  private Page read(FreeeExchange exchange) {
    return switch (exchange) {
      case FreeeExchange.Unreached unreached -> Page.failed(unreached.reason());
      case FreeeExchange.Lost lost -> Page.failed(lost.reason());
      case FreeeExchange.Answered answered ->
          answered.answer().successful()
              ? invoices(answered.answer())
              : refused(answered.answer(), answered.reading().error());
    };
  }

  private Page refused(FreeeAnswer answer, FreeeErrorBody error) {
    // A 429 or 403 block has already paused every call (inside the gate); the page just failed.
    String detail = error.messages().isEmpty() ? "" : ": " + String.join("; ", error.messages());
    return Page.failed("freee answered " + answer.status() + " to an invoice lookup" + detail);
  }

  private Page invoices(FreeeAnswer answer) {
    try {
      JsonNode invoices = json.readValue(answer.body(), JsonNode.class).get("invoices");
      if (invoices == null || !invoices.isArray()) {
        return Page.failed("freee's invoice list had no invoices array");
      }
      List<JsonNode> rows = new ArrayList<>();
      invoices.values().forEach(rows::add);
      return new Page(rows, null);
    } catch (IOException | RuntimeException e) {
      return Page.failed("freee's invoice list was unreadable");
    }
  }
}
