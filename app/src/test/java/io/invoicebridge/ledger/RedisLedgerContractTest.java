package io.invoicebridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.testing.RedisInstances;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisLedgerContractTest extends AbstractLedgerContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");

  @AutoClose private final RedisInstances instances = new RedisInstances();
  private final RedisConnections redis = instances.connect();
  private final RedisLedger ledger = new RedisLedger(redis, KEYS);

  /** The test's redis-server runs on this machine: its clock is this one. */
  @Override
  protected Fixture newFixture() {
    return new Fixture(ledger, Clock.systemUTC(), RedisServerExtension::elapsePast, true);
  }

  @Override
  protected void assertKeptFor(String key, Duration retention) {
    Duration ttl = RedisServerExtension.admin().pttl(KEYS.ledger(key));
    assertTrue(ttl.compareTo(retention) <= 0, "TTL " + ttl + " above " + retention);
    assertTrue(ttl.compareTo(retention.minusMinutes(1)) > 0, "TTL " + ttl + " far below");
  }

  @Test
  void claim_sameKeyOfAnotherCompany_isIndependent() {
    RedisLedger otherCompany = new RedisLedger(redis, new RedisKeys("2002"));
    ledger.claim(KEY, HASH, "owner-a", LIVE);

    ClaimOutcome outcome = otherCompany.claim(KEY, HASH, "owner-b", LIVE);

    assertEquals(new ClaimOutcome.Acquired(1, false), outcome);
  }

  @Test
  void claim_byAnotherInstance_isSeenByThisOne() {
    new RedisLedger(instances.connect(), KEYS).claim(KEY, HASH, "owner-a", LIVE);

    Optional<LedgerRecord> found = ledger.find(KEY);

    assertEquals("owner-a", ((LedgerRecord.Claimed) found.orElseThrow()).ownerToken());
  }

  @Test
  void claim_unreadableRecord_failsAsUnavailable() {
    RedisServerExtension.admin().set(KEYS.ledger(KEY), "not a hash");

    assertThrows(LedgerUnavailableException.class, () -> ledger.claim(KEY, HASH, "owner-a", LIVE));
  }
}
