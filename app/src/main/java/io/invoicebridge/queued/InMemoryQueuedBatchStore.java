package io.invoicebridge.queued;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The batches of one instance, used when no {@code REDIS_URL} is configured. */
public final class InMemoryQueuedBatchStore implements QueuedBatchStore {

  private static final class Entry {
    private final NewQueuedBatch batch;
    private final List<String> items;
    private final Map<Integer, String> results = new HashMap<>();
    private final Set<Integer> finals = new HashSet<>();
    private boolean started;
    private boolean finished;
    private CallbackStatus callbackStatus = CallbackStatus.PENDING;
    private int callbackAttempts;
    private String claimOwner;
    private Instant claimedUntil = Instant.MIN;

    private Entry(NewQueuedBatch batch, List<String> items) {
      this.batch = batch;
      this.items = List.copyOf(items);
    }
  }

  private final Clock clock;
  private final Map<String, Entry> batches = new HashMap<>();
  private final Map<String, String> byIdempotencyKey = new HashMap<>();

  public InMemoryQueuedBatchStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Submitted submit(NewQueuedBatch batch, List<String> items) {
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
  public synchronized Optional<StoredQueuedBatch> find(String id) {
    return Optional.ofNullable(batches.get(id))
        .map(
            e ->
                new StoredQueuedBatch(
                    e.batch.id(),
                    e.batch.createdAt(),
                    e.batch.dryRun(),
                    e.batch.callbackUrl(),
                    e.items,
                    e.results,
                    e.finals,
                    e.started,
                    e.batch.callbackUrl() == null
                        ? null
                        : new StoredQueuedBatch.Callback(e.callbackStatus, e.callbackAttempts)));
  }

  @Override
  public synchronized Optional<QueuedItem> item(String id, int index) {
    Entry entry = batches.get(id);
    return entry == null || index >= entry.items.size()
        ? Optional.empty()
        : Optional.of(
            new QueuedItem(
                entry.items.get(index), entry.finals.contains(index), callbackOwed(entry)));
  }

  @Override
  public synchronized boolean record(String id, int index, String result, boolean finalResult) {
    Entry entry = batches.get(id);
    if (entry == null) {
      return false;
    }
    if (entry.finals.contains(index)) {
      return callbackOwed(entry);
    }
    entry.started = true;
    entry.results.put(index, result);
    if (finalResult) {
      entry.finals.add(index);
    }
    if (entry.finals.size() == entry.items.size() && !entry.finished) {
      entry.finished = true;
      return callbackOwed(entry);
    }
    return false;
  }

  @Override
  public synchronized CallbackClaim claimCallback(
      String id, String owner, Duration lease, int maxAttempts) {
    Entry entry = batches.get(id);
    if (entry == null || !callbackOwed(entry)) {
      return new CallbackClaim.NotOwed();
    }
    Instant now = clock.instant();
    if (now.isBefore(entry.claimedUntil)) {
      return new CallbackClaim.Busy();
    }
    if (entry.callbackAttempts >= maxAttempts) {
      return new CallbackClaim.Spent(entry.callbackAttempts);
    }
    entry.claimOwner = owner;
    entry.claimedUntil = now.plus(lease);
    entry.callbackAttempts++;
    return new CallbackClaim.Claimed(entry.callbackAttempts);
  }

  @Override
  public synchronized void releaseCallback(String id, String owner) {
    Entry entry = batches.get(id);
    if (entry != null && owner.equals(entry.claimOwner)) {
      endClaim(entry);
    }
  }

  @Override
  public synchronized void settleCallback(String id, CallbackStatus outcome) {
    Entry entry = batches.get(id);
    if (entry == null) {
      return;
    }
    if (entry.callbackStatus == CallbackStatus.PENDING) {
      entry.callbackStatus = outcome;
    }
    endClaim(entry);
  }

  private static boolean callbackOwed(Entry entry) {
    return entry.finished
        && entry.batch.callbackUrl() != null
        && entry.callbackStatus == CallbackStatus.PENDING;
  }

  private static void endClaim(Entry entry) {
    entry.claimOwner = null;
    entry.claimedUntil = Instant.MIN;
  }

  private void sweep() {
    Instant oldest = clock.instant().minus(RETENTION);
    batches.values().removeIf(entry -> entry.batch.createdAt().isBefore(oldest));
    byIdempotencyKey.values().removeIf(id -> !batches.containsKey(id));
  }
}
