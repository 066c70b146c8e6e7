package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * An item reached its final status.
 *
 * @param outcome the item's status as on the wire ({@code created}, {@code failed}, ...)
 */
public record InvoiceOutcome(String outcome, int attempts, long durationMs)
    implements OperationalEvent {

  @Override
  public String name() {
    return "invoice_outcome";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of()
        .with("outcome", outcome)
        .with("attempts", attempts)
        .with("duration_ms", durationMs)
        .build();
  }

  @Override
  public List<List<String>> dimensions() {
    return List.of(List.of("outcome"));
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.count("Invoices"));
  }
}
