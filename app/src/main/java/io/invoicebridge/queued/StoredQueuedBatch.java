package io.invoicebridge.queued;

import io.invoicebridge.config.Redacted;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch as the store holds it.
 *
 * @param items each item's JSON text, in index order
 * @param results each item's latest result (JSON text) by index; missing while still queued
 * @param finals the indexes whose result is final
 * @param started whether any worker has taken an item yet
 * @param callback where its callback stands; null when it has no {@code callback_url}
 */
public record StoredQueuedBatch(
    String id,
    Instant createdAt,
    boolean dryRun,
    @Nullable String callbackUrl,
    List<String> items,
    Map<Integer, String> results,
    Set<Integer> finals,
    boolean started,
    @Nullable Callback callback) {

  /**
   * A callback's state: pending (also while the batch runs) until delivered or failed.
   *
   * @param attempts sends started so far (an attempt whose worker stopped mid-send counts)
   */
  public record Callback(CallbackStatus status, int attempts) {}

  public StoredQueuedBatch {
    items = List.copyOf(items);
    results = Map.copyOf(results);
    finals = Set.copyOf(finals);
  }

  public boolean complete() {
    return finals.size() == items.size();
  }

  /** Without the callback URL's path and query, and the items' and results' count only. */
  @Override
  public String toString() {
    return "StoredQueuedBatch[id="
        + id
        + ", createdAt="
        + createdAt
        + ", dryRun="
        + dryRun
        + ", callbackUrl="
        + Redacted.origin(callbackUrl)
        + ", items="
        + items.size()
        + ", results="
        + results.size()
        + ", finals="
        + finals.size()
        + ", started="
        + started
        + ", callback="
        + callback
        + "]";
  }
}
