package io.invoicebridge.queued;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisFailures;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.invoicebridge.redis.RedisStore;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The local queue shared by every instance: one sorted set scored by when a member is due. */
public final class RedisBatchQueue extends RedisStore implements LeasedQueue {

  private static final RedisScript TAKE = script("queue-take.lua");
  private static final RedisScript PUT = script("queue-put.lua");
  private static final RedisScript DEAD = script("queue-dead.lua");

  private final QueueMemberCodec members;

  public RedisBatchQueue(RedisConnections redis, RedisKeys keys, JsonMapper json) {
    super(redis, keys);
    this.members = new QueueMemberCodec(json);
  }

  @Override
  public void send(List<QueuedBatchMessage> messages) {
    put("send", "", Duration.ZERO, messages.stream().map(members::member).toList());
  }

  @Override
  public void sendLater(QueuedBatchMessage message, Duration delay) {
    put("send later", "", delay, List.of(members.member(message)));
  }

  @Override
  public void deadLetter(QueuedBatchMessage message, String reason) {
    String entry = members.member(message) + " " + reason;
    call("dead letter", () -> redis.call(r -> r.lpush(keys.batchDeadLetters(), entry)));
  }

  @Override
  public Optional<Leased> take(Duration lease) {
    String[] queue = {keys.batchQueue()};
    String member =
        call(
            "take",
            () -> redis.run(TAKE, ScriptOutputType.VALUE, queue, Long.toString(lease.toMillis())));
    return Optional.ofNullable(member).map(members::leased);
  }

  @Override
  public void ack(Leased taken) {
    call("ack", () -> redis.call(r -> r.zrem(keys.batchQueue(), taken.receipt())));
  }

  @Override
  public void handBack(Leased taken, QueuedBatchMessage next, Duration delay) {
    put("hand back", taken.receipt(), delay, List.of(members.member(next)));
  }

  @Override
  public void deadLetter(Leased taken, String reason) {
    String[] scriptKeys = {keys.batchQueue(), keys.batchDeadLetters()};
    String entry = taken.receipt() + " " + reason;
    call(
        "dead letter",
        () -> redis.run(DEAD, ScriptOutputType.INTEGER, scriptKeys, taken.receipt(), entry));
  }

  private void put(String step, String remove, Duration delay, List<String> add) {
    List<String> args = new ArrayList<>();
    args.add(remove);
    args.add(Long.toString(delay.toMillis()));
    args.addAll(add);
    String[] queue = {keys.batchQueue()};
    call(step, () -> redis.run(PUT, ScriptOutputType.INTEGER, queue, args.toArray(String[]::new)));
  }

  private static <T> T call(String step, Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException e) {
      throw new QueuedBatchStoreUnavailableException("queue " + step, RedisFailures.describe(e), e);
    }
  }

  private static RedisScript script(String name) {
    return RedisScript.fromResource("/io/invoicebridge/queued/" + name);
  }
}
