package io.invoicebridge.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The batches of one instance, used when no {@code REDIS_URL} is configured. */
public final class InMemoryBatchStore implements BatchStore {

  private static final class Entry {
    private final NewBatch batch;
    private final List<String> items;
    private final Map<Integer, String> results = new HashMap<>();
    private final Set<Integer> finals = new HashSet<>();
    private boolean started;
    private boolean finished;

    private Entry(NewBatch batch, List<String> items) {
      this.batch = batch;
      this.items = List.copyOf(items);
    }
  }

  private final Clock clock;
  private final Map<String, Entry> batches = new HashMap<>();
  private final Map<String, String> byIdempotencyKey = new HashMap<>();

  public InMemoryBatchStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Submitted submit(NewBatch batch, List<String> items) {
    sweep();
    String key = batch.idempotencyKey();
    if (key != null && batches.containsKey(byIdempotencyKey.get(key))) {
      Entry earlier = batches.get(byIdempotencyKey.get(key));
      return new Submitted(earlier.batch.id(), earlier.batch.bodyHash(), true);
    }
    batches.put(batch.id(), new Entry(batch, items));
    if (key != null) {
      byIdempotencyKey.put(key, batch.id());
    }
    return new Submitted(batch.id(), batch.bodyHash(), false);
  }

  @Override
  public synchronized Optional<StoredBatch> find(String id) {
    return Optional.ofNullable(batches.get(id))
        .map(
            e ->
                new StoredBatch(
                    e.batch.id(),
                    e.batch.createdAt(),
                    e.batch.dryRun(),
                    e.batch.callbackUrl(),
                    e.items,
                    e.results,
                    e.finals,
                    e.started));
  }

  @Override
  public synchronized Optional<String> item(String id, int index) {
    Entry entry = batches.get(id);
    return entry == null || index >= entry.items.size()
        ? Optional.empty()
        : Optional.of(entry.items.get(index));
  }

  @Override
  public synchronized boolean record(String id, int index, String result, boolean finalResult) {
    Entry entry = batches.get(id);
    if (entry == null || entry.finals.contains(index)) {
      return false;
    }
    entry.started = true;
    entry.results.put(index, result);
    if (finalResult) {
      entry.finals.add(index);
    }
    if (entry.finals.size() == entry.items.size() && !entry.finished) {
      entry.finished = true;
      return true;
    }
    return false;
  }

  private void sweep() {
    Instant oldest = clock.instant().minus(RETENTION);
    batches.values().removeIf(entry -> entry.batch.createdAt().isBefore(oldest));
    byIdempotencyKey.values().removeIf(id -> !batches.containsKey(id));
  }
}
