package io.invoicebridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedAccessTokenTest {

  private final MutableClock clock = MutableClock.at("2026-12-07T06:00:00Z");
  private final AtomicInteger issued = new AtomicInteger();

  /** Issues token-1, token-2, ... each valid for one hour from now. */
  private final CachedAccessToken.Issuer hourly =
      () ->
          new CachedAccessToken.Issued(
              "token-" + issued.incrementAndGet(), clock.instant().plus(Duration.ofHours(1)));

  private final CachedAccessToken cache =
      new CachedAccessToken(hourly, Duration.ofMinutes(5), clock);

  @Test
  void get_tokenFarFromExpiry_isKeptWithoutAskingAgain() throws Exception {
    String first = cache.get();
    clock.advance(Duration.ofMinutes(54));

    assertEquals(first, cache.get());
    assertEquals(1, issued.get());
  }

  @Test
  void get_tokenWithinTheEarlyMargin_isAskedForAgain() throws Exception {
    cache.get();
    clock.advance(Duration.ofMinutes(55));

    assertEquals("token-2", cache.get());
  }

  @Test
  void get_issuerFails_failureReachesTheCallerAndTheNextCallAsksAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CachedAccessToken failingOnce =
        new CachedAccessToken(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IOException("metadata server unreachable");
              }
              return new CachedAccessToken.Issued("token", Instant.parse("2026-12-07T07:00:00Z"));
            },
            Duration.ofMinutes(5),
            clock);

    assertThrows(IOException.class, failingOnce::get);
    assertEquals("token", failingOnce.get());
  }
}
