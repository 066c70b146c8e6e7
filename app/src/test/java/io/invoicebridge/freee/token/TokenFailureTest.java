package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.FreeeTestApp;
import io.invoicebridge.testing.LogCapture;
import io.micronaut.aop.Intercepted;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refresh failures: recorded for health, never retried when the token may be spent, never leaking.
 */
class TokenFailureTest {

  private final TokenTestBed bed = new TokenTestBed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void refresh_responseLost_notRetriedAndFailureRecorded() {
    // given
    bed.fake.failTokenEndpoint(FakeFreee.TokenFault.DROP_AFTER_ROTATING, 1);
    AccessTokenProvider provider = bed.instance();
    // when
    TokenRefreshFailedException failure =
        assertThrows(TokenRefreshFailedException.class, () -> provider.accessToken(bed.deadline()));
    // then
    assertEquals(TokenRotation.LOST_REASON, failure.getMessage());
    assertEquals(TokenRotation.LOST_REASON, provider.status().lastFailure().reason());
    assertEquals(1, bed.fake.refreshCount());
    assertEquals(0, bed.fake.invalidGrantCount());
  }

  @Test
  void refresh_invalidGrantAfterAnotherInstanceRotated_usesTheRotatedRecord() {
    // given
    AccessTokenProvider instanceA = bed.instance();
    AccessTokenProvider instanceB = bed.instance();
    String rejected = instanceA.accessToken(bed.deadline());
    TokenRecord seenByA = bed.store.current();
    String rotatedByB = instanceB.refreshAfterRejection(rejected, bed.deadline());
    bed.store.serveStale(seenByA, 2);
    // when
    String renewed = instanceA.refreshAfterRejection(rejected, bed.deadline());
    // then
    assertEquals(rotatedByB, renewed);
    assertEquals(1, bed.fake.invalidGrantCount());
    assertEquals(2, bed.fake.refreshCount());
    assertNull(bed.store.current().lastFailure());
  }

  @Test
  void refresh_invalidGrantAndNoRotation_recordsFailureAndFails() {
    // given
    AccessTokenProvider provider = bed.instance();
    provider.accessToken(bed.deadline());
    TokenRecord spent = bed.store.current();
    bed.store.put(
        new TokenRecord(
            null, null, "rt-spent", spent.refreshTokenIssuedAt(), spent.adoptedSeedHashes(), null));
    // when
    TokenRefreshFailedException failure =
        assertThrows(
            TokenRefreshFailedException.class, () -> bed.instance().accessToken(bed.deadline()));
    // then
    assertEquals(TokenRotation.INVALID_GRANT_REASON, failure.getMessage());
    assertEquals(TokenRotation.INVALID_GRANT_REASON, bed.store.current().lastFailure().reason());
    assertEquals(1, bed.fake.invalidGrantCount());
  }

  @Test
  void refresh_tokenEndpointUnavailable_keepsRefreshTokenAndNextRefreshClearsFailure() {
    // given
    bed.fake.failTokenEndpoint(FakeFreee.TokenFault.UNAVAILABLE, 1);
    AccessTokenProvider provider = bed.instance();
    assertThrows(TokenRefreshFailedException.class, () -> provider.accessToken(bed.deadline()));
    assertNotNull(bed.store.current().lastFailure());
    // when
    String token = provider.accessToken(bed.deadline());
    // then
    assertEquals(token, bed.store.current().accessToken());
    assertNull(bed.store.current().lastFailure());
    assertEquals(0, bed.fake.invalidGrantCount());
  }

  @Test
  void refresh_tokenEndpointRefusesConnections_failsWithoutSpendingTheToken() throws Exception {
    // given
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + FakeFreee.TOKEN_PATH;
    try (ApplicationContext unreachable =
        FreeeTestApp.start(bed.fake, bed.seed, Map.of("bridge.freee-token-url", url))) {
      AccessTokenProvider provider =
          new AccessTokenProvider(
              bed.store,
              bed.lock,
              unreachable.getBean(FreeeTokenEndpoint.class),
              bed.seed,
              bed.clock,
              bed.clock::advance,
              OperationalEvents.IGNORED);
      // when
      TokenRefreshFailedException failure =
          assertThrows(
              TokenRefreshFailedException.class, () -> provider.accessToken(bed.deadline()));
      // then
      assertTrue(failure.getMessage().contains("unreachable"), failure.getMessage());
      assertInstanceOf(Intercepted.class, unreachable.getBean(FreeeTokenEndpoint.class));
    }
    assertEquals(bed.seed, bed.store.current().refreshToken());
    assertEquals(0, bed.fake.refreshCount());
  }

  @Test
  void tokens_neverInLogsOrExceptionMessages() {
    // given
    StringBuilder messages = new StringBuilder();
    try (LogCapture logs = new LogCapture()) {
      // when
      AccessTokenProvider provider = bed.instance();
      String access = provider.accessToken(bed.deadline());
      String refresh = bed.store.current().refreshToken();
      bed.fake.failTokenEndpoint(FakeFreee.TokenFault.DROP_AFTER_ROTATING, 1);
      messages.append(
          assertThrows(
                  TokenRefreshFailedException.class,
                  () -> provider.refreshAfterRejection(access, bed.deadline()))
              .getMessage());
      messages.append(
          assertThrows(
                  TokenRefreshFailedException.class,
                  () -> provider.refreshAfterRejection(access, bed.deadline()))
              .getMessage());
      // then
      String everything = logs.text() + messages + bed.store.current().lastFailure();
      assertFalse(logs.events().isEmpty());
      for (String secret : List.of(bed.seed, access, refresh, FakeFreee.CLIENT_SECRET)) {
        assertFalse(everything.contains(secret), "a secret leaked into logs or messages");
      }
    }
  }
}
