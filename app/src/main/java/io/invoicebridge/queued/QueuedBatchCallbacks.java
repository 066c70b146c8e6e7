package io.invoicebridge.queued;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a finished batch's result to its {@code callback_url}: one attempt per callback message
 * the batch's queue delivers, signed with {@link CallbackSignature}, sent through {@link
 * CallbackSender}. The store's claim keeps two messages of one batch from sending at once and its
 * state from sending again once delivered; a failed attempt comes back through the queue with
 * backoff (no thread waits for it), and after {@link #ATTEMPTS} the callback is given up.
 */
@Singleton
public class QueuedBatchCallbacks {

  static final int ATTEMPTS = 5;

  /** How long a claimed attempt keeps other deliveries off: longer than any send takes. */
  static final Duration CLAIM = CallbackSender.SEND_LIMIT.plusSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(QueuedBatchCallbacks.class);

  private final QueuedBatchStore store;
  private final StoredItemsCodec stored;
  private final JsonMapper json;
  private final QueuedBatchSettings settings;
  private final CallbackTargets targets;
  private final CallbackSender sender;
  private final Clock clock;

  public QueuedBatchCallbacks(
      QueuedBatchStore store,
      StoredItemsCodec stored,
      JsonMapper json,
      QueuedBatchSettings settings,
      Clock clock) {
    this.store = store;
    this.stored = stored;
    this.json = json;
    this.settings = settings;
    this.targets =
        new CallbackTargets(
            settings.allowedCallbackHosts(),
            settings.callbackTargetPort(),
            settings.callbackAllowLoopback());
    this.sender = new CallbackSender(targets);
    this.clock = clock;
  }

  /** The checks a callback URL must pass at submit. */
  public CallbackTargets targets() {
    return targets;
  }

  /** Whether callbacks can be signed (a secret is configured). */
  public boolean enabled() {
    return settings.callbackSecret() != null;
  }

  /**
   * Makes one attempt at the callback of {@code message}'s batch, if it is still owed.
   *
   * @return done when delivered or no longer owed; later (after the claim, or with backoff after a
   *     failed attempt); given up once every attempt failed or the target is refused
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached (the queue
   *     redelivers)
   */
  public Disposition deliver(QueuedBatchMessage message) {
    String owner = UUID.randomUUID().toString();
    return switch (store.claimCallback(message.batchId(), owner, CLAIM, ATTEMPTS)) {
      case CallbackClaim.NotOwed notOwed -> Disposition.done();
      // Its holder settles it, or stops and leaves its claim to expire: look again after that.
      case CallbackClaim.Busy busy -> Disposition.later(message, CLAIM);
      case CallbackClaim.Spent spent -> giveUp(message, spent.attempts() + " attempts failed");
      case CallbackClaim.Claimed claimed -> attempt(message, owner, claimed.attempt());
    };
  }

  private Disposition attempt(QueuedBatchMessage message, String owner, int attempt) {
    String id = message.batchId();
    Optional<StoredQueuedBatch> batch = store.find(id);
    if (batch.isEmpty() || batch.get().callbackUrl() == null) {
      return Disposition.done();
    }
    if (!enabled()) {
      return giveUp(message, "BATCH_CALLBACK_SECRET is no longer set");
    }
    String outcome;
    try {
      byte[] body = json.writeValueAsBytes(QueuedBatchView.of(batch.get(), stored));
      String signature =
          new CallbackSignature(settings.callbackSecret()).sign(body, clock.instant());
      int status = sender.post(batch.get().callbackUrl(), body, signature);
      if (status >= 200 && status < 300) {
        store.settleCallback(id, CallbackStatus.DELIVERED);
        LOG.info("batch {} callback delivered (HTTP {}, attempt {})", id, status, attempt);
        return Disposition.done();
      }
      outcome = "HTTP " + status;
    } catch (CallbackRefusedException e) {
      return giveUp(message, "callback_url " + e.getMessage());
    } catch (IOException e) {
      outcome = e.getClass().getSimpleName();
    }
    LOG.warn("batch {} callback attempt {} failed: {}", id, attempt, outcome);
    if (attempt >= ATTEMPTS) {
      return giveUp(message, attempt + " attempts failed, the last: " + outcome);
    }
    store.releaseCallback(id, owner);
    return Disposition.later(message.nextAttempt(), Disposition.backoff(attempt));
  }

  private Disposition giveUp(QueuedBatchMessage message, String reason) {
    store.settleCallback(message.batchId(), CallbackStatus.FAILED);
    LOG.error("batch {} callback given up: {}", message.batchId(), reason);
    return new Disposition.GaveUp("callback " + reason);
  }
}
