package io.invoicebridge.invoice;

import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.LedgerUnavailableException;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Dry run (FREEE_DRY_RUN=true): everything but the side effects. The ledger is only read, so a key
 * created earlier still answers {@code replayed}; otherwise the item answers {@code dry_run} with
 * the exact body the bridge would send.
 */
@Singleton
public class DryRun {

  private final Ledger ledger;
  private final FreeeBodyBuilder bodies;
  private final Clock clock;

  public DryRun(Ledger ledger, FreeeBodyBuilder bodies, Clock clock) {
    this.ledger = ledger;
    this.bodies = bodies;
    this.clock = clock;
  }

  public ItemResult preview(InvoiceItem item) {
    try {
      return ledger
          .find(item.key())
          .map(existing -> InvoiceCreation.LedgerAnswers.answer(item, existing, clock))
          .orElseGet(
              () ->
                  ItemResult.of(item.key(), ItemStatus.DRY_RUN, 0, "dry run: nothing was sent")
                      .withWouldSend(bodies.build(item).json()));
    } catch (LedgerUnavailableException e) {
      return ItemResult.of(item.key(), ItemStatus.FAILED, 0, e.getMessage())
          .withRetryAfter(InvoiceCreation.STORE_RETRY_AFTER);
    }
  }
}
