package io.invoicebridge.queued;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.invoice.BatchProcessor;
import io.invoicebridge.invoice.InvoiceItem;
import io.invoicebridge.invoice.ItemResult;
import io.invoicebridge.invoice.ItemStatus;
import io.invoicebridge.metrics.BatchItemDeadLettered;
import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.timing.RequestDeadlines;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one queued message, whichever queue delivered it. An item runs the same engine as the
 * synchronous batch (claim in the ledger, create, reconcile), so a message delivered twice creates
 * nothing twice. An item held back (a quota window, a freee block, another owner) comes back after
 * the wait the engine reported without spending an attempt; a failed item comes back with backoff
 * until {@code BATCH_MAX_ATTEMPTS}, then is given up as {@code failed}. The item that finishes a
 * batch queues its callback message, which {@link QueuedBatchCallbacks} delivers.
 */
@Singleton
public class QueuedBatchWorker {

  private static final Logger LOG = LoggerFactory.getLogger(QueuedBatchWorker.class);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);
  private static final Duration IN_PROGRESS_RECHECK = Duration.ofSeconds(5);

  private final QueuedBatchStore store;
  private final BatchProcessor processor;
  private final StoredItemsCodec stored;
  private final QueuedBatchCallbacks callbacks;
  private final BatchQueue queue;
  private final BridgeConfig config;
  private final QueuedBatchSettings settings;
  private final Clock clock;
  private final OperationalEvents events;

  public QueuedBatchWorker(
      QueuedBatchStore store,
      BatchProcessor processor,
      StoredItemsCodec stored,
      QueuedBatchCallbacks callbacks,
      BatchQueue queue,
      BridgeConfig config,
      QueuedBatchSettings settings,
      Clock clock,
      OperationalEvents events) {
    this.store = store;
    this.processor = processor;
    this.stored = stored;
    this.callbacks = callbacks;
    this.queue = queue;
    this.config = config;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Handles one delivery of {@code message}.
   *
   * @param deliveries how often the platform has delivered this message (1 on the first; 0 when the
   *     queue does not say): past {@code BATCH_MAX_ATTEMPTS} an item is given up, since every
   *     delivery before ended without an outcome (the worker stopped mid-item); a callback counts
   *     its attempts in the store instead
   * @throws QueuedBatchStoreUnavailableException when the store or the queue cannot be reached (the
   *     queue redelivers)
   */
  public Disposition handle(QueuedBatchMessage message, int deliveries) {
    if (message.deliversCallback()) {
      return callbacks.deliver(message);
    }
    Optional<QueuedItem> queued = store.item(message.batchId(), message.index());
    if (queued.isEmpty()) {
      LOG.warn("batch {} item {} is gone (expired); dropped", message.batchId(), message.index());
      return Disposition.done();
    }
    if (queued.get().settled()) {
      return settledAlready(message, queued.get());
    }
    InvoiceItem item = stored.item(queued.get().text());
    if (deliveries > settings.attempts()) {
      return giveUp(message, item.key(), deliveries + " deliveries ended without an outcome", 0);
    }
    RequestDeadlines deadlines =
        RequestDeadlines.within(config.limits().requestTimeout(), clock).queued();
    ItemResult result = processor.process(List.of(item), deadlines).getFirst();
    if (!result.status().resendable()) {
      finish(message.batchId(), message.index(), result);
      return Disposition.done();
    }
    if (result.status() == ItemStatus.IN_PROGRESS) {
      // Another delivery of this message holds the claim; it usually finishes long before the
      // claim would expire, and looking again costs one ledger read.
      record(message, result, false);
      return Disposition.later(message, min(wait(result, ONE_SECOND), IN_PROGRESS_RECHECK));
    }
    if (result.status() == ItemStatus.NOT_ATTEMPTED) {
      record(message, result, false);
      return Disposition.later(message, wait(result, ONE_SECOND));
    }
    QueuedBatchMessage next = message.nextAttempt();
    if (next.attempts() >= settings.attempts()) {
      return giveUp(message, item.key(), result.detail(), result.attempts());
    }
    record(message, result, false);
    return Disposition.later(next, wait(result, Disposition.backoff(next.attempts())));
  }

  /**
   * A message delivered again after its item's final result: its worker stopped before the queue
   * heard that it was settled. Working it again could create an invoice the batch already shows
   * failed; it only queues the callback, should the worker have stopped before that too.
   */
  private Disposition settledAlready(QueuedBatchMessage message, QueuedItem queued) {
    LOG.info(
        "batch {} item {} already settled; delivery dropped", message.batchId(), message.index());
    if (queued.callbackOwed()) {
      queue.send(List.of(QueuedBatchMessage.callbackOf(message.batchId())));
    }
    return Disposition.done();
  }

  private Disposition giveUp(QueuedBatchMessage message, String key, String reason, int attempts) {
    String detail = "given up after " + (message.attempts() + 1) + " attempt(s): " + reason;
    finish(
        message.batchId(),
        message.index(),
        ItemResult.of(key, ItemStatus.FAILED, attempts, detail));
    LOG.warn("batch {} item {} dead-lettered", message.batchId(), message.index());
    events.emit(new BatchItemDeadLettered(message.attempts() + 1));
    return new Disposition.GaveUp(detail);
  }

  /**
   * Records a final result and queues the callback it makes owed. Should the queue refuse or the
   * worker stop in between, this item's message is not settled and comes back: recording its final
   * result again answers that the callback is still owed, and it is queued then.
   */
  private void finish(String batchId, int index, ItemResult result) {
    if (store.record(batchId, index, stored.resultText(result), true)) {
      queue.send(List.of(QueuedBatchMessage.callbackOf(batchId)));
    }
  }

  private void record(QueuedBatchMessage message, ItemResult result, boolean finalResult) {
    store.record(message.batchId(), message.index(), stored.resultText(result), finalResult);
  }

  private static Duration wait(ItemResult result, Duration atLeast) {
    Duration asked = result.retryAfter() == null ? Duration.ZERO : result.retryAfter();
    return asked.compareTo(atLeast) > 0 ? asked : atLeast;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
