package io.invoicebridge.metrics;

/**
 * One event of the service specification ({@code ops/service.yaml}), written as one {@link
 * EventLine}. Never a token, a secret, an invoice body, nor the company id.
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

  /** The event's name, its line's members, the dimensions and the metrics it carries. */
  EventLine line();
}
