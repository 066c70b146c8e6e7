package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisTimeouts;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisTokenLockContractTest extends AbstractTokenLockContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");

  private final List<RedisConnections> connections = new ArrayList<>();
  private final TokenLock lock = newInstance();

  @AfterEach
  void closeConnections() {
    connections.forEach(RedisConnections::close);
  }

  @Override
  protected TokenLock lock() {
    return lock;
  }

  @Override
  protected TokenLock peerOf(TokenLock lock) {
    return newInstance();
  }

  @Override
  protected void elapsePast(Duration ttl) {
    Waits.pause(ttl.plusMillis(50));
  }

  @Test
  void tryAcquire_lease_expiresWithItsTtlSetInTheSameCommand() {
    lock.tryAcquire(LONG);

    Duration ttl = RedisServerExtension.admin().pttl(KEYS.tokenLock());

    assertTrue(ttl.compareTo(LONG) <= 0 && ttl.compareTo(LONG.minusSeconds(10)) > 0, "TTL " + ttl);
  }

  private TokenLock newInstance() {
    RedisConnections redis =
        new RedisConnections(RedisServerExtension.url(), RedisTimeouts.DEFAULT);
    connections.add(redis);
    return new RedisTokenLock(redis, KEYS);
  }
}
