package io.invoicebridge.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.invoicebridge.ledger.CreatedInvoice;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.RedisLedger;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.RateLimiter;
import io.invoicebridge.quota.RedisRateLimiter;
import io.invoicebridge.testing.RedisAdmin;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.timing.Lane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a created invoice costs in Redis, counted by Redis itself ({@code INFO commandstats}).
 *
 * <p>Redis also counts the commands a script runs inside it, so the expected counts list them: the
 * round trips are the {@code evalsha} (and {@code eval}) entries; every other entry is a command
 * run inside those scripts. The maps are exact, so a stray extra command fails the test.
 */
@ExtendWith(RedisServerExtension.class)
class RedisCommandCountTest {

  private static final Duration CLAIM_TTL = Duration.ofMinutes(1);
  private static final CreatedInvoice INVOICE =
      new CreatedInvoice(49034614L, "INV-0000123", Instant.parse("2026-11-30T01:02:03Z"));

  private final RedisKeys keys = new RedisKeys("1001");
  private final RedisConnections redis =
      new RedisConnections(RedisServerExtension.url(), RedisTimeouts.DEFAULT);
  private final RedisAdmin admin = RedisServerExtension.admin();
  private final Ledger ledger = new RedisLedger(redis, keys);
  private final RateLimiter limiter = new RedisRateLimiter(redis, keys, 60, Clock.systemUTC());

  @BeforeEach
  void cacheScriptsAsARunningServerWould() {
    ledger.claim("warm-up", "h", "owner", CLAIM_TTL);
    ledger.complete("warm-up", "owner", INVOICE);
    limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, Instant.now(), List.of());
  }

  @AfterEach
  void close() {
    redis.close();
  }

  @Test
  void claimAndComplete_happyPath_twoRoundTrips() {
    admin.resetStats();

    ledger.claim("2026-11/ACME/1", "h", "owner", CLAIM_TTL);
    ledger.complete("2026-11/ACME/1", "owner", INVOICE);

    Map<String, Long> calls = commandsSinceReset();
    assertEquals(2L, calls.get("evalsha"));
    assertEquals(
        Map.of(
            "evalsha", 2L,
            // inside the claim script
            "time", 1L,
            "hgetall", 1L,
            // inside both scripts
            "hset", 2L,
            "pexpire", 2L,
            // inside the complete script
            "hmget", 1L,
            "del", 1L),
        calls);
  }

  @Test
  void reserve_oneSlotInAllThreeWindows_oneRoundTrip() {
    admin.resetStats();

    limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, Instant.now().plusSeconds(60), List.of());

    assertEquals(
        Map.of("evalsha", 1L, "time", 1L, "hgetall", 1L, "hset", 1L, "pexpire", 1L),
        commandsSinceReset());
  }

  @Test
  void claimReserveComplete_oneCreatedInvoice_threeRoundTrips() {
    admin.resetStats();

    ledger.claim("2026-11/ACME/2", "h", "owner", CLAIM_TTL);
    limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, Instant.now().plusSeconds(60), List.of());
    ledger.complete("2026-11/ACME/2", "owner", INVOICE);

    Map<String, Long> calls = commandsSinceReset();
    assertEquals(3L, calls.get("evalsha"));
    assertNull(calls.get("eval"));
  }

  /** The counts, without the CONFIG RESETSTAT that started them. */
  private Map<String, Long> commandsSinceReset() {
    Map<String, Long> calls = new TreeMap<>(admin.commandCalls());
    calls.remove("config");
    return calls;
  }
}
