package io.invoicebridge.batch;

import io.invoicebridge.ledger.Ledger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The asynchronous batches: what was submitted and each item's latest result. Records are kept as
 * long as the ledger keeps keys. Every method is one atomic step on the store.
 */
public interface BatchStore {

  /** How long a batch is kept: as long as the ledger keeps a created key. */
  Duration RETENTION = Ledger.CREATED_RETENTION;

  /**
   * Records a new batch with its items (JSON text, index order), unless {@code
   * batch.idempotencyKey()} already names one: then nothing is written and that batch is answered.
   *
   * @return the batch now recorded under the key (the new one, or the earlier one)
   * @throws BatchStoreUnavailableException when the store cannot be reached
   */
  Submitted submit(NewBatch batch, List<String> items);

  /**
   * Everything known about a batch, or empty when it is unknown or expired.
   *
   * @throws BatchStoreUnavailableException when the store cannot be reached
   */
  Optional<StoredBatch> find(String id);

  /**
   * One item's JSON text, or empty when the batch is unknown or expired.
   *
   * @throws BatchStoreUnavailableException when the store cannot be reached
   */
  Optional<String> item(String id, int index);

  /**
   * Records an item's latest result (JSON text) and notes that the batch has started. A final
   * result is never replaced by a later one.
   *
   * @return true for exactly one caller: the one whose final result finished the batch (it sends
   *     the callback)
   * @throws BatchStoreUnavailableException when the store cannot be reached
   */
  boolean record(String id, int index, String result, boolean finalResult);

  /** A submission's answer: the batch's id and whether it was recorded earlier. */
  record Submitted(String id, String bodyHash, boolean earlier) {}
}
