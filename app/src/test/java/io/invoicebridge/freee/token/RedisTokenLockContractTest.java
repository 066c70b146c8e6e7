package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.testing.RedisInstances;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisTokenLockContractTest extends AbstractTokenLockContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");

  @AutoClose private final RedisInstances instances = new RedisInstances();
  private final TokenLock lock = newInstance();

  @Override
  protected Fixture newFixture() {
    return new Fixture(lock, newInstance(), RedisServerExtension::elapsePast);
  }

  @Test
  void tryAcquire_lease_expiresWithItsTtlSetInTheSameCommand() {
    lock.tryAcquire(LONG);

    Duration ttl = RedisServerExtension.admin().pttl(KEYS.tokenLock());

    assertTrue(ttl.compareTo(LONG) <= 0 && ttl.compareTo(LONG.minusSeconds(10)) > 0, "TTL " + ttl);
  }

  private TokenLock newInstance() {
    return new RedisTokenLock(instances.connect(), KEYS);
  }
}
