package io.invoicebridge.limit;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Even pacing shared by every instance: a GCRA Lua script over one key ({@code ib:{ns}:rate}, the
 * next free slot) that freee 429 pauses are folded into.
 *
 * <p>Why a script of our own rather than a library bucket (Bucket4j and the like): one {@code
 * EVALSHA} both honours the cluster-wide pause and reserves an evenly spaced slot, so every freee
 * call costs exactly one round trip and a created invoice stays at three or four Redis commands
 * (claim, slot, complete); a bucket would need a second key and command for the pause, and starts
 * full, which allows twice the limit inside one window.
 *
 * <p>Clocks: all slot arithmetic happens in the script on the Redis server's clock ({@code TIME}),
 * so instances whose clocks disagree still get slots one interval apart in one timeline. Only
 * durations cross the wire: the caller's deadline goes in as the longest acceptable wait, and the
 * wait comes back and is added to this instance's clock when the reply arrives. A slot is thus
 * never earlier than the server reserved it; it is late by the reply's latency at most.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final RedisScript RESERVE = script("rate-reserve.lua");
  private static final RedisScript PAUSE = script("rate-pause.lua");

  private final RedisConnections redis;
  private final String[] rateKey;
  private final String intervalMs;
  private final Clock clock;

  public RedisRateLimiter(RedisConnections redis, RedisKeys keys, int callsPerMinute, Clock clock) {
    this.redis = redis;
    this.rateKey = new String[] {keys.rate()};
    this.intervalMs = Long.toString(InMemoryRateLimiter.intervalFor(callsPerMinute).toMillis());
    this.clock = clock;
  }

  @Override
  public Optional<Instant> reserve(Instant notAfter) {
    long maxWaitMs = Duration.between(clock.instant(), notAfter).toMillis();
    Long waitMs = run("reserve", RESERVE, intervalMs, Long.toString(maxWaitMs));
    if (waitMs < 0) {
      return Optional.empty();
    }
    return Optional.of(clock.instant().plusMillis(waitMs));
  }

  /**
   * {@inheritDoc}
   *
   * @throws RateLimiterUnavailableException when the shared store cannot be reached
   */
  @Override
  public void pauseUntil(Instant resumeAt) {
    // Sent as a delay so the pause ends at the same moment on the server's clock for everyone.
    // Rounded up: a pause that ends a millisecond early can still meet freee's closed window.
    Duration delay = Duration.between(clock.instant(), resumeAt);
    long delayMs = (delay.toNanos() + 999_999) / 1_000_000;
    if (delayMs > 0) {
      run("pause", PAUSE, Long.toString(delayMs));
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  private Long run(String step, RedisScript script, String... args) {
    try {
      return redis.call(r -> script.run(r, ScriptOutputType.INTEGER, rateKey, args));
    } catch (RedisException e) {
      throw new RateLimiterUnavailableException(step, e);
    }
  }

  private static RedisScript script(String name) {
    return RedisScript.fromResource("/io/invoicebridge/limit/" + name);
  }
}
