package io.invoicebridge.ledger;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisFailures;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.invoicebridge.redis.RedisStore;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger shared by every instance: one Redis hash per key ({@code ib:{ns}:ledger:<key>}).
 *
 * <p>Each state transition is one Lua script (one {@code EVALSHA}), so the happy path of an invoice
 * costs two round trips: claim and complete. Claim expiry is judged on the Redis server's clock.
 * Records, expired claims included, are kept {@link Ledger#CREATED_RETENTION}, set in the same
 * script that writes them.
 */
public final class RedisLedger extends RedisStore implements Ledger {

  private static final RedisScript CLAIM = script("ledger-claim.lua");
  private static final RedisScript COMPLETE = script("ledger-complete.lua");
  private static final RedisScript RELEASE = script("ledger-release.lua");
  private static final String RETENTION_MS = Long.toString(CREATED_RETENTION.toMillis());

  public RedisLedger(RedisConnections redis, RedisKeys keys) {
    super(redis, keys);
  }

  @Override
  public ClaimOutcome claim(String key, String payloadHash, String ownerToken, Duration claimTtl) {
    List<Object> reply =
        run(
            "claim",
            CLAIM,
            ScriptOutputType.MULTI,
            key,
            ownerToken,
            payloadHash,
            Long.toString(claimTtl.toMillis()),
            RETENTION_MS);
    return call("claim", () -> LedgerHash.claimOutcome(reply));
  }

  @Override
  public boolean complete(String key, String ownerToken, CreatedInvoice invoice) {
    String number = invoice.invoiceNumber() == null ? "" : invoice.invoiceNumber();
    Long completed =
        run(
            "complete",
            COMPLETE,
            ScriptOutputType.INTEGER,
            key,
            ownerToken,
            Long.toString(invoice.invoiceId()),
            number,
            invoice.createdAt().toString(),
            RETENTION_MS);
    return completed == 1L;
  }

  @Override
  public boolean release(String key, String ownerToken) {
    Long deleted = run("release", RELEASE, ScriptOutputType.INTEGER, key, ownerToken);
    return deleted == 1L;
  }

  @Override
  public Optional<LedgerRecord> find(String key) {
    Map<String, String> fields = call("find", () -> redis.call(r -> r.hgetall(keys.ledger(key))));
    return call("find", () -> LedgerHash.record(fields));
  }

  @Override
  public boolean shared() {
    return true;
  }

  private <T> T run(
      String step, RedisScript script, ScriptOutputType type, String key, String... args) {
    String[] scriptKeys = {keys.ledger(key)};
    return call(step, () -> redis.run(script, type, scriptKeys, args));
  }

  /** Runs one store step, turning every store failure into the port's exception. */
  private static <T> T call(String step, Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException | LedgerHash.UnreadableRecordException e) {
      throw new LedgerUnavailableException(step, RedisFailures.describe(e), e);
    }
  }

  private static RedisScript script(String name) {
    return RedisScript.fromResource("/io/invoicebridge/ledger/" + name);
  }
}
