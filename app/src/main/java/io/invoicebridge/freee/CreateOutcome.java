package io.invoicebridge.freee;

import io.invoicebridge.ledger.CreatedInvoice;
import io.invoicebridge.quota.QuotaWait;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What one create attempt achieved. {@code requestId} is freee's X-Freee-Request-ID, if any. */
public sealed interface CreateOutcome {

  @Nullable
  String requestId();

  /** freee answered 201. */
  record Created(CreatedInvoice invoice, @Nullable String requestId) implements CreateOutcome {}

  /** freee refused the invoice for good (400, 404, 403 permission codes); its messages included. */
  record Rejected(int httpStatus, List<String> messages, @Nullable String requestId)
      implements CreateOutcome {}

  /**
   * freee said to slow down (429, or 403 excessive access): nothing was created; every freee call
   * is paused until {@code quotaWait.until()}.
   */
  record Throttled(QuotaWait quotaWait, @Nullable String requestId) implements CreateOutcome {}

  /**
   * A transient failure.
   *
   * @param uncertain true when the request may have reached freee (timeout, dropped connection, 5xx
   *     after sending): freee may have created the invoice, so reconcile before re-creating
   */
  record Failed(String reason, boolean uncertain, @Nullable String requestId)
      implements CreateOutcome {}

  /**
   * Nothing was sent: no time was left before the deadline, a window or pause held calls past it,
   * or the outage breaker was open.
   *
   * @param retryAt when a resend may go through (a window's reset, the breaker's reopening), if
   *     known
   */
  record NotSent(String reason, Optional<Instant> retryAt) implements CreateOutcome {
    @Override
    public String requestId() {
      return null;
    }
  }
}
