package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * One event of the service specification ({@code ops/service.yaml}): its name, the fields of its
 * log line, the dimensions its metrics are split by and the metrics it carries. Never a token, a
 * secret, an invoice body, nor the company id.
 */
public sealed interface OperationalEvent
    permits InvoiceOutcome,
        RequestServed,
        FreeeCall,
        FreeeThrottled,
        QuotaUsed,
        TokenRefresh,
        RefreshTokenAge,
        RedisUnreachable,
        BatchItemDeadLettered {

  /** The {@code event} member of the line, as named in the specification. */
  String name();

  /** The line's members, in order; a field the event does not know this time is left out. */
  Map<String, Object> fields();

  /** Sets of field names the metrics are also published by (the service is always added). */
  default List<List<String>> dimensions() {
    return List.of();
  }

  /** The metrics this line carries; one whose value is unknown this time is left out. */
  List<Metric> metrics();
}
