package io.invoicebridge.invoice;

import io.invoicebridge.freee.InvoiceGateway;
import io.invoicebridge.ledger.ClaimOutcome;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.LedgerRecord;
import io.invoicebridge.ledger.LedgerUnavailableException;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.RetryPolicy;
import io.invoicebridge.timing.Sleeper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Creates one item in freee at most once (ARCHITECTURE.md "Exactly once"): claim the key before any
 * freee call, answer from the ledger when the key is already known, otherwise hand over to {@link
 * CreationAttempts} for the create, retry and reconcile loop.
 */
@Singleton
public class InvoiceCreation {

  /**
   * How long a claim outlives its owner's deadline: room for a request freee is still processing
   * when the owner gave up, so a taker-over never searches freee before that request has landed.
   */
  public static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

  /**
   * Overrides {@link #CLAIM_MARGIN}, e.g. {@code 1s}. Not an operator setting
   * (docs/configuration.md and {@code application.yml} leave it out): tests shorten it so that
   * claims left behind expire quickly.
   */
  public static final String CLAIM_MARGIN_PROPERTY = "bridge.claim-margin";

  static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

  private final Ledger ledger;
  private final InvoiceGateway gateway;
  private final FreeeBodyBuilder bodies;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration claimMargin;

  public InvoiceCreation(
      Ledger ledger,
      InvoiceGateway gateway,
      FreeeBodyBuilder bodies,
      RetryPolicy retryPolicy,
      Clock clock,
      Sleeper sleeper,
      @Value("${" + CLAIM_MARGIN_PROPERTY + ":30s}") Duration claimMargin) {
    if (claimMargin.isNegative()) {
      throw new IllegalArgumentException(CLAIM_MARGIN_PROPERTY + " must not be negative");
    }
    this.ledger = ledger;
    this.gateway = gateway;
    this.bodies = bodies;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.claimMargin = claimMargin;
  }

  /** How long a claim outlives its owner's deadline ({@link #CLAIM_MARGIN} unless overridden). */
  public Duration claimMargin() {
    return claimMargin;
  }

  public ItemResult create(InvoiceItem item, Deadline deadline) {
    String owner = UUID.randomUUID().toString();
    ClaimOutcome claim;
    try {
      claim =
          ledger.claim(
              item.key(), item.payloadHash(), owner, deadline.remaining().plus(claimMargin));
    } catch (LedgerUnavailableException e) {
      return ItemResult.of(
              item.key(), ItemStatus.FAILED, 0, e.getMessage() + "; nothing was sent to freee")
          .withRetryAfter(STORE_RETRY_AFTER);
    }
    return switch (claim) {
      case ClaimOutcome.Held held -> LedgerAnswers.answer(item, held.existing(), clock);
      case ClaimOutcome.Acquired acquired ->
          new CreationAttempts(
                  item,
                  bodies.build(item),
                  owner,
                  acquired.reconcile(),
                  deadline,
                  new CreationAttempts.Collaborators(
                      ledger, gateway, retryPolicy, clock, sleeper, claimMargin))
              .run();
    };
  }

  /** What the ledger alone says about a key that is not free. */
  static final class LedgerAnswers {

    private LedgerAnswers() {}

    static ItemResult answer(InvoiceItem item, LedgerRecord existing, Clock clock) {
      if (!existing.payloadHash().equals(item.payloadHash())) {
        return ItemResult.of(
            item.key(),
            ItemStatus.CONFLICT,
            0,
            "this key was already used with a different invoice; use a new key");
      }
      return switch (existing) {
        case LedgerRecord.Created created ->
            ItemResult.invoice(item.key(), ItemStatus.REPLAYED, created.invoice(), 0, null);
        case LedgerRecord.Claimed claimed ->
            ItemResult.of(
                    item.key(),
                    ItemStatus.IN_PROGRESS,
                    0,
                    "another request is creating this invoice now; resend later")
                .withRetryAfter(
                    atLeastOneSecond(Duration.between(clock.instant(), claimed.expiresAt())));
      };
    }
  }

  static Duration atLeastOneSecond(Duration wait) {
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }
}
