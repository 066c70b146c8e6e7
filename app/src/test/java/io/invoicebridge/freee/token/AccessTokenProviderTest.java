package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token lifecycle of the "freee tokens" in docs/configuration.md on one instance, against the
 * fake freee.
 */
class AccessTokenProviderTest {

  private final TokenTestBed bed = new TokenTestBed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void accessToken_emptyStore_adoptsSeedAndRefreshesOnce() {
    // given
    AccessTokenProvider provider = bed.instance();
    // when
    String token = provider.accessToken(bed.deadline());
    // then
    TokenRecord stored = bed.store.current();
    assertEquals(token, stored.accessToken());
    assertNotEquals(bed.seed, stored.refreshToken());
    assertEquals(List.of(SeedToken.sha256Hex(bed.seed)), stored.adoptedSeedHashes());
    assertNull(stored.lastFailure());
    assertEquals(1, bed.fake.refreshCount());
  }

  @Test
  void accessToken_cachedTokenFresh_readsNoStoreAndSendsNoRefresh() {
    // given
    AccessTokenProvider provider = bed.instance();
    String first = provider.accessToken(bed.deadline());
    int readsBefore = bed.store.reads();
    bed.clock.advance(Duration.ofHours(5));
    // when
    String again = provider.accessToken(bed.deadline());
    // then
    assertEquals(first, again);
    assertEquals(readsBefore, bed.store.reads());
    assertEquals(1, bed.fake.refreshCount());
  }

  @Test
  void accessToken_lessThanTenMinutesLeft_refreshesAndPersistsRotatedToken() {
    // given
    AccessTokenProvider provider = bed.instance();
    String first = provider.accessToken(bed.deadline());
    String firstRefreshToken = bed.store.current().refreshToken();
    bed.clock.advance(Duration.ofHours(6).minus(Duration.ofMinutes(9)));
    // when
    String second = provider.accessToken(bed.deadline());
    // then
    assertNotEquals(first, second);
    assertEquals(second, bed.store.current().accessToken());
    assertNotEquals(firstRefreshToken, bed.store.current().refreshToken());
    assertEquals(2, bed.fake.refreshCount());
  }

  @Test
  void accessToken_concurrentNeedsOnOneInstance_refreshOnce() throws Exception {
    // given
    AccessTokenProvider provider = bed.instance();
    CountDownLatch start = new CountDownLatch(1);
    Callable<String> need =
        () -> {
          start.await();
          return provider.accessToken(bed.deadline());
        };
    // when
    Set<String> tokens;
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<String>> results =
          IntStream.range(0, 8).mapToObj(i -> threads.submit(need)).toList();
      start.countDown();
      tokens = results.stream().map(AccessTokenProviderTest::join).collect(Collectors.toSet());
    }
    // then
    assertEquals(1, tokens.size());
    assertEquals(1, bed.fake.refreshCount());
  }

  @Test
  void refreshAfterRejection_anotherInstanceAlreadyRefreshed_reusesItsToken() {
    // given
    AccessTokenProvider instanceA = bed.instance();
    AccessTokenProvider instanceB = bed.instance();
    String rejected = instanceA.accessToken(bed.deadline());
    String renewedByB = instanceB.refreshAfterRejection(rejected, bed.deadline());
    // when
    String renewedForA = instanceA.refreshAfterRejection(rejected, bed.deadline());
    // then
    assertEquals(renewedByB, renewedForA);
    assertEquals(2, bed.fake.refreshCount());
  }

  @Test
  void refreshAfterRejection_tokenStillLooksValid_forcesOneRefresh() {
    // given
    AccessTokenProvider provider = bed.instance();
    String rejected = provider.accessToken(bed.deadline());
    // when
    String renewed = provider.refreshAfterRejection(rejected, bed.deadline());
    String again = provider.accessToken(bed.deadline());
    // then
    assertNotEquals(rejected, renewed);
    assertEquals(renewed, again);
    assertEquals(2, bed.fake.refreshCount());
  }

  @Test
  void accessToken_lockHeldElsewhereUntilDeadline_failsWithoutRefreshing() {
    // given
    bed.lock.tryAcquire(Duration.ofMinutes(5));
    AccessTokenProvider provider = bed.instance();
    // when / then
    assertThrows(TokenDeadlineExceededException.class, () -> provider.accessToken(bed.deadline()));
    assertEquals(0, bed.fake.refreshCount());
  }

  private static String join(Future<String> result) {
    try {
      return result.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
