package io.invoicebridge.freee.token;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.invoicebridge.redis.RedisStore;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The refresh lock shared by every instance: {@code ib:{ns}:token-lock} holds the owner token of
 * the lease. Taken with one {@code SET NX PX} (value and expiry in one command); released by a Lua
 * compare-and-delete, so a holder whose lease expired cannot delete the next holder's lock.
 */
public final class RedisTokenLock extends RedisStore implements TokenLock {

  private static final RedisScript RELEASE =
      RedisScript.fromResource("/io/invoicebridge/freee/token/lock-release.lua");

  public RedisTokenLock(RedisConnections redis, RedisKeys keys) {
    super(redis, keys);
  }

  @Override
  public Optional<Lease> tryAcquire(Duration ttl) {
    String owner = UUID.randomUUID().toString();
    SetArgs onlyIfFree = SetArgs.Builder.nx().px(ttl.toMillis());
    String reply = step("lock", () -> redis.call(r -> r.set(keys.tokenLock(), owner, onlyIfFree)));
    return "OK".equals(reply) ? Optional.of(new Lease(owner)) : Optional.empty();
  }

  /**
   * {@inheritDoc}
   *
   * @throws TokenStoreUnavailableException when the store cannot be reached (the lease then expires
   *     by itself)
   */
  @Override
  public boolean release(Lease lease) {
    String[] lockKey = {keys.tokenLock()};
    Long deleted =
        step(
            "unlock",
            () -> redis.run(RELEASE, ScriptOutputType.INTEGER, lockKey, lease.ownerToken()));
    return deleted == 1L;
  }

  private static <T> T step(String step, Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException e) {
      throw new TokenStoreUnavailableException(step, e);
    }
  }
}
