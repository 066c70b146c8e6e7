package io.invoicebridge.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.MutableClock;
import io.invoicebridge.testing.RedisServerExtension;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisConnectionsTest {

  @Test
  void redisUri_upstashStyleTlsUrl_tlsWithUserPasswordAndCommandTimeout() {
    URI upstash = URI.create("rediss://default:s3cret-pass@eu1-cool-cat-12345.upstash.io:6379");

    RedisURI uri = RedisConnections.redisUri(upstash, RedisTimeouts.DEFAULT);

    assertTrue(uri.isSsl());
    assertEquals(SslVerifyMode.FULL, uri.getVerifyMode());
    assertEquals("default", uri.getUsername());
    assertArrayEquals("s3cret-pass".toCharArray(), uri.getPassword());
    assertEquals("eu1-cool-cat-12345.upstash.io", uri.getHost());
    assertEquals(6379, uri.getPort());
    assertEquals(Duration.ofSeconds(2), uri.getTimeout());
  }

  @Test
  void redisUri_plainUrl_noTlsNoPassword() {
    RedisURI uri =
        RedisConnections.redisUri(URI.create("redis://127.0.0.1:6380"), RedisTimeouts.DEFAULT);

    assertFalse(uri.isSsl());
    assertNull(uri.getPassword());
    assertEquals(6380, uri.getPort());
  }

  @Test
  void redisUri_toString_hidesThePassword() {
    URI url = URI.create("rediss://default:s3cret-pass@example.invalid:6379");

    String shown = RedisConnections.redisUri(url, RedisTimeouts.DEFAULT).toString();

    assertFalse(shown.contains("s3cret-pass"), shown);
  }

  @Test
  void call_serverThatNeverAnswers_failsWithinTheTimeouts() throws Exception {
    RedisTimeouts fast =
        new RedisTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMinutes(1));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RedisConnections redis = new RedisConnections(silentUrl(silent), fast)) {

      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> assertThrows(RedisException.class, () -> redis.call(r -> r.get("k"))));
    }
  }

  @Test
  void call_soonAfterTheLastCall_reusesTheConnection() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    try (RedisConnections redis = connections(clock)) {
      long first = redis.call(r -> r.clientId());
      clock.advance(RedisTimeouts.DEFAULT.maxIdle());

      long second = redis.call(r -> r.clientId());

      assertEquals(first, second);
    }
  }

  @Test
  void call_afterIdlingPastMaxIdle_connectsAfresh() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    try (RedisConnections redis = connections(clock)) {
      long first = redis.call(r -> r.clientId());
      clock.advance(RedisTimeouts.DEFAULT.maxIdle().plusMillis(1));

      long second = redis.call(r -> r.clientId());

      assertNotEquals(first, second);
    }
  }

  private static RedisConnections connections(MutableClock clock) {
    // As the default user: CLIENT ID, which tells connections apart, is no command of the app's.
    return new RedisConnections(RedisServerExtension.adminUrl(), RedisTimeouts.DEFAULT, clock);
  }

  /** With a password, so connecting itself waits for an answer (AUTH) that never comes. */
  private static URI silentUrl(ServerSocket silent) {
    return URI.create("redis://default:pw@127.0.0.1:" + silent.getLocalPort());
  }
}
