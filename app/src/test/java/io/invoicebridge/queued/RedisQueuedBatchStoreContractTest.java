package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.testing.RedisInstances;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisQueuedBatchStoreContractTest extends AbstractQueuedBatchStoreContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");

  @AutoClose private final RedisInstances instances = new RedisInstances();
  private final RedisQueuedBatchStore store = new RedisQueuedBatchStore(instances.connect(), KEYS);

  @Override
  protected Fixture newFixture() {
    return new Fixture(store, RedisServerExtension::elapsePast);
  }

  @Test
  void claimCallback_claim_expiresByItselfWithinTheLease() {
    store.submit(new NewQueuedBatch(ID, "hash", null, HOOK, false, Instant.now()), TWO_ITEMS);
    store.record(ID, 0, RESULT, true);
    store.record(ID, 1, RESULT, true);

    store.claimCallback(ID, "owner-a", LEASE, ATTEMPTS);

    Duration ttl = RedisServerExtension.admin().pttl(KEYS.batch(ID) + ":callback-claim");
    assertTrue(ttl.compareTo(LEASE) <= 0 && ttl.compareTo(LEASE.minusSeconds(5)) > 0, "" + ttl);
  }
}
