package io.invoicebridge.invoice;

import io.invoicebridge.freee.CreateOutcome;
import io.invoicebridge.freee.FreeeInvoiceBody;
import io.invoicebridge.freee.InvoiceGateway;
import io.invoicebridge.freee.LookupOutcome;
import io.invoicebridge.ledger.CreatedInvoice;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.LedgerUnavailableException;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.RetryPolicy;
import io.invoicebridge.timing.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The create loop for one claimed key. While the outcome of an earlier create is uncertain (freee
 * may have created the invoice), freee is searched for the marker before anything is created again.
 * The claim is released only when freee surely holds nothing for the key; otherwise it is left to
 * expire, and whoever takes it over reconciles first.
 */
final class CreationAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(CreationAttempts.class);

  record Collaborators(
      Ledger ledger,
      InvoiceGateway gateway,
      RetryPolicy retryPolicy,
      Clock clock,
      Sleeper sleeper,
      Duration claimMargin) {}

  private final InvoiceItem item;
  private final FreeeInvoiceBody body;
  private final String owner;
  private final Deadline deadline;
  private final Collaborators with;
  private boolean uncertain;
  private int attempts;
  private int failures;
  private String lastFailure;
  private String requestId;

  CreationAttempts(
      InvoiceItem item,
      FreeeInvoiceBody body,
      String owner,
      boolean reconcileFirst,
      Deadline deadline,
      Collaborators with) {
    this.item = item;
    this.body = body;
    this.owner = owner;
    this.uncertain = reconcileFirst;
    this.deadline = deadline;
    this.with = with;
  }

  /** One step's end: a final result, or the reason to try again (not before some instant). */
  private record Step(ItemResult result, String reason, Optional<Instant> notBefore) {
    static Step done(ItemResult result) {
      return new Step(result, null, Optional.empty());
    }

    static Step again(String reason, Optional<Instant> notBefore) {
      return new Step(null, reason, notBefore);
    }
  }

  ItemResult run() {
    while (true) {
      Step step = uncertain ? reconcile() : createOnce();
      if (step.result() != null) {
        return step.result();
      }
      failures++;
      lastFailure = step.reason();
      Optional<Instant> next =
          with.retryPolicy().nextAttemptAt(failures, step.notBefore(), deadline);
      if (next.isEmpty() || !waitUntil(next.get())) {
        return giveUp(step.reason(), step.notBefore());
      }
    }
  }

  private Step reconcile() {
    return switch (with.gateway().find(body.reconcileQuery(), deadline)) {
      case LookupOutcome.Found found ->
          Step.done(
              complete(found.invoice(), attempts > 0 ? ItemStatus.CREATED : ItemStatus.REPLAYED));
      case LookupOutcome.NotFound notFound -> {
        uncertain = false;
        yield createOnce();
      }
      case LookupOutcome.Incomplete incomplete ->
          Step.again(
              "could not check freee for an earlier attempt: " + incomplete.reason(),
              Optional.empty());
    };
  }

  private Step createOnce() {
    attempts++;
    CreateOutcome outcome = with.gateway().create(body, deadline);
    if (outcome.requestId() != null) {
      requestId = outcome.requestId();
    }
    return switch (outcome) {
      case CreateOutcome.Created created ->
          Step.done(complete(created.invoice(), ItemStatus.CREATED));
      case CreateOutcome.Rejected rejected -> Step.done(reject(rejected));
      case CreateOutcome.Throttled throttled -> {
        // freee refused the call before taking it: not an attempt, so an item that meets only
        // throttles ends not_attempted and a queue worker waits for the reset without spending
        // one of its attempts.
        attempts--;
        yield Step.again(
            throttled.quotaWait().detail(), Optional.of(throttled.quotaWait().until()));
      }
      case CreateOutcome.Failed failed -> {
        uncertain = failed.uncertain();
        yield Step.again(failed.reason(), Optional.empty());
      }
      case CreateOutcome.NotSent notSent -> {
        attempts--;
        // After failed tries, the failure that used up the time is the reason worth reporting.
        String reason =
            lastFailure == null ? notSent.reason() : lastFailure + ", then " + notSent.reason();
        yield Step.done(giveUp(reason, notSent.retryAt()));
      }
    };
  }

  private ItemResult complete(CreatedInvoice invoice, ItemStatus status) {
    try {
      if (!with.ledger().complete(item.key(), owner, invoice)) {
        LOG.warn("created, but the claim was taken over meanwhile; the new owner will find it");
      }
    } catch (LedgerUnavailableException e) {
      LOG.error("created in freee but not recorded; the next claim of this key will reconcile", e);
    }
    return ItemResult.invoice(item.key(), status, invoice, attempts, requestId);
  }

  private ItemResult reject(CreateOutcome.Rejected rejected) {
    release();
    return ItemResult.of(
            item.key(),
            ItemStatus.REJECTED,
            attempts,
            "freee refused the invoice (HTTP " + rejected.httpStatus() + "); correct it and resend")
        .withErrors(rejected.messages())
        .withRequestId(requestId);
  }

  /**
   * @param comeBackAt when freee may take the call (a window's reset, a block's end, the breaker's
   *     reopening), if known: the item's {@code Retry-After}
   */
  private ItemResult giveUp(String reason, Optional<Instant> comeBackAt) {
    ItemStatus status = attempts == 0 && !uncertain ? ItemStatus.NOT_ATTEMPTED : ItemStatus.FAILED;
    Duration retryAfter;
    String detail;
    if (uncertain) {
      // freee may hold the invoice: keep the claim so the next owner reconciles after it expires.
      retryAfter = deadline.remaining().plus(with.claimMargin());
      detail = reason + "; freee may have created it, a resend checks freee first";
    } else {
      release();
      retryAfter =
          comeBackAt
              .map(at -> Duration.between(with.clock().instant(), at))
              .orElse(InvoiceCreation.STORE_RETRY_AFTER);
      detail = reason + "; nothing was created, safe to resend";
    }
    ItemResult result =
        ItemResult.of(item.key(), status, attempts, detail)
            .withRequestId(requestId)
            .withRetryAfter(InvoiceCreation.atLeastOneSecond(retryAfter));
    return status == ItemStatus.NOT_ATTEMPTED && comeBackAt.isPresent()
        ? result.withKnownWait()
        : result;
  }

  private void release() {
    try {
      with.ledger().release(item.key(), owner);
    } catch (LedgerUnavailableException e) {
      LOG.warn("could not release the claim; it expires by itself", e);
    }
  }

  private boolean waitUntil(Instant at) {
    try {
      with.sleeper().sleep(Duration.between(with.clock().instant(), at));
      return !deadline.passed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
