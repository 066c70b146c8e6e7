package io.invoicebridge.multi;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.quota.Quota;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisAdmin;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a created invoice costs in Redis when a batch goes through the HTTP API, counted by Redis
 * itself ({@code INFO commandstats}): three round trips (ledger claim, a slot in all three
 * rate-limit windows, ledger complete); the access token comes from the instance's own cache.
 *
 * <p>Redis also counts the commands a script runs inside it: the round trips are the {@code
 * evalsha} entries, every other entry runs inside those scripts. The map is exact, so any extra
 * command (a token read, a lock, a ping) fails the test.
 */
@ExtendWith(RedisServerExtension.class)
class RedisCostPerInvoiceTest {

  private static final int INVOICES = 5;

  @AutoClose
  private final FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));

  private final RedisAdmin admin = RedisServerExtension.admin();
  @AutoClose private BridgeServer bridge;

  @Test
  void createdInvoice_costsThreeRedisRoundTrips() {
    // given: a running instance that has its token and has used every script once
    bridge =
        BridgeServer.start(
            freee,
            freee.issueRefreshToken(),
            Map.of(
                "bridge.redis-url",
                RedisServerExtension.url().toString(),
                // paced far faster than calls are made (the day's spread shrinks with its
                // length), so no call waits for its slot long enough to ask again whether a pause
                // began (FreeeCallGate.RECHECK_AFTER)
                "bridge.rate-limit-per-minute",
                "6000",
                Quota.SCALE_PROPERTY,
                "1000"));
    json(bridge.postBatch(TestItems.batch("warm-up", 1, 101)));
    admin.resetStats();

    // when
    JsonNode answer = json(bridge.postBatch(TestItems.batch("counted", INVOICES, 102)));

    // then
    assertEquals(INVOICES, answer.get("summary").get("created").getIntValue());
    Map<String, Long> calls = new TreeMap<>(admin.commandCalls());
    calls.remove("config"); // the CONFIG RESETSTAT that started the count
    long n = INVOICES;
    assertEquals(
        Map.of(
            "evalsha", 3 * n,
            // inside the claim and the slot scripts
            "time", 2 * n,
            // inside the claim and the slot scripts
            "hgetall", 2 * n,
            // inside the claim, the slot and the complete scripts
            "hset", 3 * n,
            "pexpire", 3 * n,
            // inside the complete script
            "hmget", n,
            "del", n),
        calls);
  }
}
