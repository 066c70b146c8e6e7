package io.invoicebridge.metrics;

/**
 * An item reached its final status.
 *
 * @param outcome the item's status as on the wire ({@code created}, {@code failed}, ...)
 */
public record InvoiceOutcome(String outcome, int attempts, long durationMs)
    implements OperationalEvent {

  @Override
  public EventLine line() {
    return EventLine.named("invoice_outcome")
        .field("outcome", outcome)
        .field("attempts", attempts)
        .field("duration_ms", durationMs)
        .dimension("outcome")
        .metric(Metric.count("Invoices"));
  }
}
