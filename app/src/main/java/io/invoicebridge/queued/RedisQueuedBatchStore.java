package io.invoicebridge.queued;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisFailures;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.invoicebridge.redis.RedisStore;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The batches shared by every instance: per batch a hash (with the callback's state), a list of
 * items, a hash of results and a set of final indexes, all kept {@link QueuedBatchStore#RETENTION},
 * and while a callback is being sent its claim; each step is one script.
 */
public final class RedisQueuedBatchStore extends RedisStore implements QueuedBatchStore {

  private static final RedisScript SUBMIT = script("batch-submit.lua");
  private static final RedisScript RECORD = script("batch-record.lua");
  private static final RedisScript READ = script("batch-read.lua");
  private static final RedisScript ITEM = script("batch-item.lua");
  private static final RedisScript CLAIM_CALLBACK = script("batch-callback-claim.lua");
  private static final RedisScript RELEASE_CALLBACK = script("batch-callback-release.lua");
  private static final RedisScript SETTLE_CALLBACK = script("batch-callback-settle.lua");
  private static final String RETENTION_MS = Long.toString(RETENTION.toMillis());

  public RedisQueuedBatchStore(RedisConnections redis, RedisKeys keys) {
    super(redis, keys);
  }

  @Override
  public Submitted submit(NewQueuedBatch batch, List<String> items) {
    String key = batch.idempotencyKey();
    String[] scriptKeys = {
      keys.batch(batch.id()),
      keys.batch(batch.id()) + ":items",
      keys.batchIdempotencyKey(key == null ? "" : key)
    };
    List<String> args = new ArrayList<>();
    args.add(RETENTION_MS);
    args.add(batch.id());
    args.add(batch.bodyHash());
    args.add(key == null ? "0" : "1");
    args.add(batch.createdAt().toString());
    args.add(batch.dryRun() ? "1" : "0");
    args.add(batch.callbackUrl() == null ? "" : batch.callbackUrl());
    args.addAll(items);
    List<Object> reply =
        call(
            "submit",
            () ->
                redis.run(SUBMIT, ScriptOutputType.MULTI, scriptKeys, args.toArray(String[]::new)));
    String[] idAndHash = ((String) reply.get(1)).split("\\|", 2);
    return new Submitted(idAndHash[0], idAndHash[1], (Long) reply.get(0) == 1L);
  }

  @Override
  public Optional<StoredQueuedBatch> find(String id) {
    String base = keys.batch(id);
    String[] scriptKeys = {base, base + ":items", base + ":results", base + ":finals"};
    List<Object> reply = call("find", () -> redis.run(READ, ScriptOutputType.MULTI, scriptKeys));
    Map<String, String> meta = pairs(reply.get(0));
    if (meta.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, String> results = new HashMap<>();
    pairs(reply.get(2)).forEach((index, result) -> results.put(Integer.parseInt(index), result));
    Set<Integer> finals = new HashSet<>();
    strings(reply.get(3)).forEach(index -> finals.add(Integer.parseInt(index)));
    String callback = meta.getOrDefault("callback_url", "");
    return Optional.of(
        new StoredQueuedBatch(
            id,
            Instant.parse(meta.get("created_at")),
            "1".equals(meta.get("dry_run")),
            callback.isEmpty() ? null : callback,
            strings(reply.get(1)),
            results,
            finals,
            !results.isEmpty(),
            callback.isEmpty() ? null : callbackState(meta)));
  }

  private static StoredQueuedBatch.Callback callbackState(Map<String, String> meta) {
    return new StoredQueuedBatch.Callback(
        CallbackStatus.fromWire(meta.get("callback_status")),
        Integer.parseInt(meta.getOrDefault("callback_attempts", "0")));
  }

  @Override
  public Optional<QueuedItem> item(String id, int index) {
    String base = keys.batch(id);
    String[] scriptKeys = {base, base + ":items", base + ":finals"};
    List<Object> reply =
        call(
            "item",
            () -> redis.run(ITEM, ScriptOutputType.MULTI, scriptKeys, Integer.toString(index)));
    // Lettuce answers the script's nil as a list holding one null.
    if (reply == null || reply.isEmpty() || reply.getFirst() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new QueuedItem(
            (String) reply.get(0),
            ((Number) reply.get(1)).longValue() == 1,
            ((Number) reply.get(2)).longValue() == 1));
  }

  @Override
  public boolean record(String id, int index, String result, boolean finalResult) {
    String base = keys.batch(id);
    String[] scriptKeys = {base, base + ":results", base + ":finals"};
    Long finished =
        call(
            "record",
            () ->
                redis.run(
                    RECORD,
                    ScriptOutputType.INTEGER,
                    scriptKeys,
                    Integer.toString(index),
                    result,
                    finalResult ? "1" : "0"));
    return finished == 1L;
  }

  @Override
  public CallbackClaim claimCallback(String id, String owner, Duration lease, int maxAttempts) {
    String[] scriptKeys = {keys.batch(id), claimKey(id)};
    List<Object> reply =
        call(
            "claim callback",
            () ->
                redis.run(
                    CLAIM_CALLBACK,
                    ScriptOutputType.MULTI,
                    scriptKeys,
                    owner,
                    Long.toString(lease.toMillis()),
                    Integer.toString(maxAttempts)));
    int attempts = ((Long) reply.get(1)).intValue();
    return switch ((String) reply.get(0)) {
      case "claimed" -> new CallbackClaim.Claimed(attempts);
      case "busy" -> new CallbackClaim.Busy();
      case "spent" -> new CallbackClaim.Spent(attempts);
      default -> new CallbackClaim.NotOwed();
    };
  }

  @Override
  public void releaseCallback(String id, String owner) {
    String[] scriptKeys = {claimKey(id)};
    call(
        "release callback",
        () -> redis.run(RELEASE_CALLBACK, ScriptOutputType.INTEGER, scriptKeys, owner));
  }

  @Override
  public void settleCallback(String id, CallbackStatus outcome) {
    String[] scriptKeys = {keys.batch(id), claimKey(id)};
    call(
        "settle callback",
        () -> redis.run(SETTLE_CALLBACK, ScriptOutputType.INTEGER, scriptKeys, outcome.wire()));
  }

  /** The claim on the batch's callback: the owner's token, expiring by itself. */
  private String claimKey(String id) {
    return keys.batch(id) + ":callback-claim";
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object reply) {
    return (List<String>) reply;
  }

  private static Map<String, String> pairs(Object reply) {
    List<String> flat = strings(reply);
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      map.put(flat.get(i), flat.get(i + 1));
    }
    return map;
  }

  private static <T> T call(String step, Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException e) {
      throw new QueuedBatchStoreUnavailableException(step, RedisFailures.describe(e), e);
    }
  }

  private static RedisScript script(String name) {
    return RedisScript.fromResource("/io/invoicebridge/queued/" + name);
  }
}
