package io.invoicebridge.queued;

import io.invoicebridge.ledger.Ledger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The asynchronous batches: what was submitted, each item's latest result and where the callback
 * stands. Records are kept as long as the ledger keeps keys. Every method is one atomic step on the
 * store.
 */
public interface QueuedBatchStore {

  /** How long a batch is kept: as long as the ledger keeps a created key. */
  Duration RETENTION = Ledger.CREATED_RETENTION;

  /**
   * Records a new batch with its items (JSON text, index order), unless {@code
   * batch.idempotencyKey()} already names one: then nothing is written and that batch is answered.
   *
   * @return the batch now recorded under the key (the new one, or the earlier one)
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  Submitted submit(NewQueuedBatch batch, List<String> items);

  /**
   * Everything known about a batch, or empty when it is unknown or expired.
   *
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  Optional<StoredQueuedBatch> find(String id);

  /**
   * One item as its message's worker needs it (its text, whether it is settled, whether the batch's
   * callback is owed), or empty when the batch is unknown or expired.
   *
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  Optional<QueuedItem> item(String id, int index);

  /**
   * Records an item's latest result (JSON text) and notes that the batch has started. A final
   * result is never replaced by a later one. The final result that finishes a batch with a {@code
   * callback_url} marks its callback {@link CallbackStatus#PENDING} in the same step.
   *
   * @return whether the caller must queue the batch's callback message: true for the one call whose
   *     final result finished a batch with a {@code callback_url}, and for every later call on that
   *     batch while its callback is still pending (a worker that stopped before queueing it leaves
   *     its item's message to be delivered again)
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  boolean record(String id, int index, String result, boolean finalResult);

  /**
   * Claims the next attempt at a finished batch's pending callback for {@code owner}, for {@code
   * lease}, and counts it (so an attempt whose worker stops mid-send is counted too). Refused while
   * another claim is live, and once {@code maxAttempts} attempts were made.
   *
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  CallbackClaim claimCallback(String id, String owner, Duration lease, int maxAttempts);

  /**
   * Ends {@code owner}'s claim after a failed attempt, so the next attempt may claim at once; a
   * claim of another owner, or none, is left as it is.
   *
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  void releaseCallback(String id, String owner);

  /**
   * Settles a pending callback as {@link CallbackStatus#DELIVERED} or {@link CallbackStatus#FAILED}
   * and ends any claim on it; a settled callback stays as it is.
   *
   * @throws QueuedBatchStoreUnavailableException when the store cannot be reached
   */
  void settleCallback(String id, CallbackStatus outcome);

  /** A submission's answer: the batch's id and whether it was recorded earlier. */
  record Submitted(String id, String bodyHash, boolean earlier) {}
}
