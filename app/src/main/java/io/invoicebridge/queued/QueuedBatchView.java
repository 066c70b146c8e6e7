package io.invoicebridge.queued;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoicebridge.invoice.BatchSummary;
import io.invoicebridge.invoice.ItemResult;
import io.invoicebridge.invoice.ItemStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An asynchronous batch as {@code GET /v1/batches/{id}} and the callback show it: its progress, and
 * the summary and per-item results in the synchronous batch's shapes. Items no worker has finished
 * yet show their latest result, or {@code not_attempted} while still queued.
 *
 * @param status {@code queued} (no item worked on yet), {@code running}, or {@code complete} (every
 *     item has its final result; an item given up is {@code failed} with the reason)
 * @param createdAt ISO-8601
 * @param callback where the callback stands; absent when the batch has no {@code callback_url} (the
 *     URL itself is never shown: it may carry the receiver's secrets)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchView")
public record QueuedBatchView(
    String id,
    String status,
    String createdAt,
    boolean complete,
    boolean dryRun,
    BatchSummary summary,
    List<ItemResult> results,
    @Nullable Callback callback) {

  /**
   * A callback's state.
   *
   * @param status {@code pending} (also while the batch runs), {@code delivered} or {@code failed}
   * @param attempts sends started so far
   */
  @Serdeable
  @Schema(name = "BatchView.Callback")
  public record Callback(String status, int attempts) {}

  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";

  static QueuedBatchView of(StoredQueuedBatch batch, StoredItemsCodec stored) {
    return of(batch, stored::key, stored::result);
  }

  static QueuedBatchView of(
      StoredQueuedBatch batch,
      Function<String, String> keyOf,
      Function<String, ItemResult> resultOf) {
    List<ItemResult> results = new ArrayList<>(batch.items().size());
    for (int i = 0; i < batch.items().size(); i++) {
      String result = batch.results().get(i);
      results.add(
          result == null
              ? ItemResult.of(
                  keyOf.apply(batch.items().get(i)),
                  ItemStatus.NOT_ATTEMPTED,
                  0,
                  "queued; no worker has taken it yet")
              : resultOf.apply(result));
    }
    String status = batch.complete() ? COMPLETE : batch.started() ? RUNNING : QUEUED;
    return new QueuedBatchView(
        batch.id(),
        status,
        batch.createdAt().toString(),
        batch.complete(),
        batch.dryRun(),
        BatchSummary.of(results),
        results,
        batch.callback() == null
            ? null
            : new Callback(batch.callback().status().wire(), batch.callback().attempts()));
  }
}
