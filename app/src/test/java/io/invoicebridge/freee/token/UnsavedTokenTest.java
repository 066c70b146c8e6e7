package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.invoicebridge.metrics.TokenRefresh;
import io.invoicebridge.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * freee rotated the refresh token and the store stays unreachable past the refresh lock's lease:
 * the instance keeps the only copy, uses it, says so (an ERROR line and a failed token_refresh
 * event), never sends the spent token again, and stores the new one once the store is back.
 */
class UnsavedTokenTest {

  private final TokenTestBed bed = new TokenTestBed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void accessToken_storeDownPastTheLease_usesTheRotatedTokenAndSaysSo() {
    // given: the store becomes unreachable the moment freee has rotated the tokens
    AccessTokenProvider provider = bed.instance();
    bed.fake.afterNextRotation(() -> bed.store.unreachable(true));
    Instant start = bed.clock.instant();

    try (LogCapture logs = new LogCapture()) {
      // when
      String token = provider.accessToken(bed.deadline());

      // then: retried while the lease lasted, then kept; an ERROR line and the alert's event
      assertTrue(bed.store.failedWrites() > 3, "writes tried: " + bed.store.failedWrites());
      Duration waited = Duration.between(start, bed.clock.instant());
      assertTrue(waited.compareTo(AccessTokenProvider.LOCK_LEASE) < 0, "waited " + waited);
      assertTrue(
          waited.compareTo(AccessTokenProvider.LOCK_LEASE.minusSeconds(5)) > 0, "waited " + waited);
      assertTrue(
          logs.events().stream()
              .anyMatch(
                  e ->
                      e.getLevel() == Level.ERROR
                          && e.getFormattedMessage().contains("could not record it")),
          logs.text());
      assertTrue(bed.events.contains(new TokenRefresh(TokenRefresh.Result.UNSAVED)));
      assertFalse(bed.events.contains(new TokenRefresh(TokenRefresh.Result.SUCCEEDED)));
      assertEquals(token, provider.accessToken(bed.deadline()), "used from memory meanwhile");
    }
  }

  @Test
  void accessToken_storeBackAfterTheLease_storesTheRotatedTokenWithoutAnotherRefresh() {
    // given
    AccessTokenProvider provider = bed.instance();
    String token = refreshLeavingTheTokenUnsaved(provider);
    bed.clock.advance(Duration.ofMinutes(5));

    // when: the store is back
    bed.store.unreachable(false);
    String again = provider.accessToken(bed.deadline());

    // then: the store holds the rotated refresh token; freee saw one refresh and no spent token
    assertEquals(token, again);
    assertEquals(token, bed.store.current().accessToken());
    assertTrue(bed.fake.refreshTokenUnspent(bed.store.current().refreshToken()));
    assertEquals(1, bed.fake.refreshCount());
    assertEquals(0, bed.fake.invalidGrantCount());
  }

  @Test
  void refreshAfterRejection_whileTheRotatedTokenIsUnsaved_neverSendsTheSpentToken() {
    // given
    AccessTokenProvider provider = bed.instance();
    String token = refreshLeavingTheTokenUnsaved(provider);

    // when / then: no refresh from the stale store, nothing sent to freee
    assertThrows(
        TokenStoreUnavailableException.class,
        () -> provider.refreshAfterRejection(token, bed.deadline()));
    assertEquals(1, bed.fake.refreshCount());
    assertEquals(0, bed.fake.invalidGrantCount());
  }

  @Test
  void accessToken_anotherInstanceWhileTheTokenIsUnsaved_sendsTheSpentTokenOnceOnly() {
    // given: instance A holds the rotated token; its lease is over; the store, back, is stale
    AccessTokenProvider instanceA = bed.instance();
    refreshLeavingTheTokenUnsaved(instanceA);
    bed.store.unreachable(false);
    AccessTokenProvider instanceB = bed.instance();

    // when: B needs a token twice before A saves its own
    assertThrows(TokenRefreshFailedException.class, () -> instanceB.accessToken(bed.deadline()));
    assertThrows(TokenRefreshFailedException.class, () -> instanceB.accessToken(bed.deadline()));

    // then: freee refused the spent token once and was not asked again; A's save heals B
    assertEquals(1, bed.fake.invalidGrantCount());
    bed.clock.advance(UnsavedToken.RETRY_INTERVAL);
    instanceA.accessToken(bed.deadline());
    assertTrue(bed.fake.refreshTokenUnspent(bed.store.current().refreshToken()));
    assertEquals(bed.store.current().accessToken(), instanceB.accessToken(bed.deadline()));
  }

  /** A refresh by {@code provider} after which the store is unreachable: the token is unsaved. */
  private String refreshLeavingTheTokenUnsaved(AccessTokenProvider provider) {
    bed.fake.afterNextRotation(() -> bed.store.unreachable(true));
    return provider.accessToken(bed.deadline());
  }
}
