package io.invoicebridge.quota;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisTimeouts;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisRateLimiterContractTest extends AbstractRateLimiterContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");

  private final List<RedisConnections> connections = new ArrayList<>();

  @AfterEach
  void closeConnections() {
    connections.forEach(RedisConnections::close);
  }

  @Override
  protected RateLimiter limiter(Quota quota) {
    return new RedisRateLimiter(newInstance(), KEYS, quota, Clock.systemUTC());
  }

  /** A second instance: its own connection to the same Redis and company. */
  @Override
  protected RateLimiter peerOf(RateLimiter limiter, Quota quota) {
    return limiter(quota);
  }

  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected Duration jitter() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected boolean expectedShared() {
    return true;
  }

  @Test
  void reserve_anotherCompany_isPacedIndependently() {
    RateLimiter mine = limiter(PER_MINUTE);
    RateLimiter theirs =
        new RedisRateLimiter(newInstance(), new RedisKeys("2002"), PER_MINUTE, clock());
    slot(mine, Instant.now().plusSeconds(3600));

    Instant theirSlot = slot(theirs, Instant.now().plusSeconds(3600)).orElseThrow();

    assertTrue(Duration.between(Instant.now(), theirSlot).compareTo(jitter()) < 0);
  }

  @Test
  void reserve_slot_keyOutlivesTheDayItCounts() {
    slot(limiter(PER_MINUTE), Instant.now().plusSeconds(3600));

    Duration ttl = RedisServerExtension.admin().pttl(KEYS.rate());

    Duration twoDays = Duration.ofDays(2);
    assertTrue(ttl.compareTo(twoDays) <= 0 && ttl.compareTo(twoDays.minus(jitter())) > 0);
  }

  private RedisConnections newInstance() {
    RedisConnections redis =
        new RedisConnections(RedisServerExtension.url(), RedisTimeouts.DEFAULT);
    connections.add(redis);
    return redis;
  }
}
