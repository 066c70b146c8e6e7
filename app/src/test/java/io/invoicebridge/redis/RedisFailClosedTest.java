package io.invoicebridge.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.invoicebridge.freee.token.RedisTokenLock;
import io.invoicebridge.freee.token.RedisTokenStore;
import io.invoicebridge.freee.token.TokenLock;
import io.invoicebridge.freee.token.TokenRecord;
import io.invoicebridge.freee.token.TokenStore;
import io.invoicebridge.freee.token.TokenStoreUnavailableException;
import io.invoicebridge.ledger.ClaimOutcome;
import io.invoicebridge.ledger.CreatedInvoice;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.ledger.LedgerUnavailableException;
import io.invoicebridge.ledger.RedisLedger;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.QuotaWait;
import io.invoicebridge.quota.RateLimiter;
import io.invoicebridge.quota.RateLimiterUnavailableException;
import io.invoicebridge.quota.RedisRateLimiter;
import io.invoicebridge.quota.Window;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestConfig;
import io.invoicebridge.timing.Lane;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * With Redis configured but gone, every Redis store fails with its port's exception within the
 * timeouts (never hangs, never falls back), and works again once Redis is back, on a new
 * connection.
 */
@ExtendWith(RedisServerExtension.class)
class RedisFailClosedTest {

  private static final RedisTimeouts FAST =
      new RedisTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMinutes(1));

  /** Far above the timeouts, so only a hang fails it on a loaded machine. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  private static final RedisKeys KEYS = new RedisKeys("1001");
  private static final CreatedInvoice INVOICE = new CreatedInvoice(1L, "INV-1", Instant.EPOCH);
  private static final TokenRecord SEEDED =
      new TokenRecord(null, null, "refresh", Instant.EPOCH, List.of("seed"), null);

  private final RedisConnections redis = new RedisConnections(RedisServerExtension.url(), FAST);
  private final Ledger ledger = new RedisLedger(redis, KEYS);
  private final TokenStore tokens =
      new RedisTokenStore(redis, KEYS, ObjectMapper.getDefault(), TestConfig.tokenKeys());
  private final TokenLock lock = new RedisTokenLock(redis, KEYS);
  private final RateLimiter limiter = new RedisRateLimiter(redis, KEYS, 600, Clock.systemUTC());

  @AfterEach
  void restartAndClose() {
    RedisServerExtension.start();
    redis.close();
  }

  @Test
  void everyStore_redisStopped_failsAsUnavailableWithinTheTimeouts() {
    useEveryStore();

    RedisServerExtension.stop();

    assertEveryStoreUnavailable(ledger, tokens, lock, limiter);
  }

  @Test
  void everyStore_redisBackAfterFailures_worksAgainOnANewConnection() {
    useEveryStore();
    RedisServerExtension.stop();
    assertUnavailable(LedgerUnavailableException.class, () -> ledger.find("k"));

    RedisServerExtension.start();

    useEveryStore();
  }

  @Test
  void everyStore_redisRestartedBetweenCalls_neverReusesTheDeadConnection() {
    useEveryStore();

    RedisServerExtension.stop();
    RedisServerExtension.start();

    useEveryStore();
  }

  @Test
  void ledger_redisNotAnswering_failsWithinTheCommandTimeoutThenRecovers() throws Exception {
    useEveryStore();
    RedisServerExtension.admin().freeze(Duration.ofMillis(1500));

    assertUnavailable(LedgerUnavailableException.class, () -> ledger.find("k"));

    assertEquals(Optional.empty(), recovered(() -> ledger.find("k")));
  }

  /**
   * Retries {@code call} until the frozen server answers again (bounded), then returns its answer.
   */
  private static <T> T recovered(Supplier<T> call) {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        return call.get();
      } catch (LedgerUnavailableException stillFrozen) {
        if (System.nanoTime() > giveUpAt) {
          throw stillFrozen;
        }
        Thread.onSpinWait(); // each try itself waits up to the command timeout
      }
    }
  }

  @Test
  void stores_builtWhileRedisIsDown_connectNothingUntilUsed() {
    RedisServerExtension.stop();
    try (RedisConnections lazy = new RedisConnections(RedisServerExtension.url(), FAST)) {
      Ledger lazyLedger = new RedisLedger(lazy, KEYS);

      RedisServerExtension.start();

      ClaimOutcome outcome = lazyLedger.claim("k", "h", "o", Duration.ofMinutes(1));

      assertEquals(new ClaimOutcome.Acquired(1, false), outcome);
    }
  }

  @Test
  void everyStore_passwordInTheUrl_neverInTheFailure() {
    URI withPassword = URI.create("redis://default:s3cret-pass@127.0.0.1:" + closedPort());
    try (RedisConnections down = new RedisConnections(withPassword, FAST)) {
      RuntimeException failure =
          assertUnavailable(
              LedgerUnavailableException.class, () -> new RedisLedger(down, KEYS).find("k"));

      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("s3cret-pass"), t.toString());
      }
    }
  }

  private void useEveryStore() {
    String owner = "owner-" + System.nanoTime();
    ledger.claim(owner, "h", owner, Duration.ofMinutes(1));
    ledger.complete(owner, owner, INVOICE);
    tokens.read();
    lock.tryAcquire(Duration.ofSeconds(5)).ifPresent(lock::release);
    limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, Instant.now().plusSeconds(60), List.of());
  }

  private static void assertEveryStoreUnavailable(
      Ledger ledger, TokenStore tokens, TokenLock lock, RateLimiter limiter) {
    Class<LedgerUnavailableException> ledgerDown = LedgerUnavailableException.class;
    assertUnavailable(ledgerDown, () -> ledger.claim("k", "h", "o", Duration.ofMinutes(1)));
    assertUnavailable(ledgerDown, () -> ledger.complete("k", "o", INVOICE));
    assertUnavailable(ledgerDown, () -> ledger.release("k", "o"));
    assertUnavailable(ledgerDown, () -> ledger.find("k"));
    Class<TokenStoreUnavailableException> tokenDown = TokenStoreUnavailableException.class;
    assertUnavailable(tokenDown, tokens::read);
    assertUnavailable(tokenDown, () -> tokens.replace(null, SEEDED));
    assertUnavailable(tokenDown, () -> lock.tryAcquire(Duration.ofSeconds(5)));
    assertUnavailable(tokenDown, () -> lock.release(new TokenLock.Lease("o")));
    Class<RateLimiterUnavailableException> limiterDown = RateLimiterUnavailableException.class;
    assertUnavailable(
        limiterDown,
        () ->
            limiter.reserve(
                CallKind.CREATE, Lane.INTERACTIVE, Instant.now().plusSeconds(60), List.of()));
    assertUnavailable(
        limiterDown,
        () -> limiter.pause(QuotaWait.spent(Window.MINUTE, Instant.now().plusSeconds(60), 600)));
  }

  private static <E extends RuntimeException> E assertUnavailable(Class<E> type, Executable call) {
    return assertTimeoutPreemptively(BOUND, () -> assertThrows(type, call));
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
