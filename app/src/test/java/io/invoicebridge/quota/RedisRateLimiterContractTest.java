package io.invoicebridge.quota;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.testing.RedisInstances;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisRateLimiterContractTest extends AbstractRateLimiterContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");

  @AutoClose private final RedisInstances instances = new RedisInstances();

  /** A peer is a second instance: its own connection to the same Redis and company. */
  @Override
  protected Fixture newFixture() {
    return new Fixture(
        this::newInstance,
        (limiter, quota) -> newInstance(quota),
        Clock.systemUTC(),
        Duration.ofSeconds(1),
        true);
  }

  @Test
  void reserve_anotherCompany_isPacedIndependently() {
    RateLimiter mine = limiter(PER_MINUTE);
    RateLimiter theirs =
        new RedisRateLimiter(instances.connect(), new RedisKeys("2002"), PER_MINUTE, clock());
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

  private RateLimiter newInstance(Quota quota) {
    return new RedisRateLimiter(instances.connect(), KEYS, quota, Clock.systemUTC());
  }
}
