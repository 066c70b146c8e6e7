package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.ContractTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link TokenStore} contract, run against every implementation. */
abstract class AbstractTokenStoreContractTest
    extends ContractTest<AbstractTokenStoreContractTest.Fixture> {

  static final TokenRecord SEEDED =
      new TokenRecord(
          null, null, "refresh-1", Instant.parse("2026-09-01T00:00:00Z"), List.of("seed-1"), null);
  static final TokenRecord REFRESHED =
      new TokenRecord(
          "access-2",
          Instant.parse("2026-11-30T15:00:00Z"),
          "refresh-2",
          Instant.parse("2026-11-30T09:00:00Z"),
          List.of("seed-1", "seed-2"),
          new TokenRecord.RefreshFailure(
              "token endpoint timed out", Instant.parse("2026-11-30T08:59:00Z")));
  static final TokenRecord REFRESHED_AGAIN =
      new TokenRecord(
          "access-3",
          Instant.parse("2026-11-30T21:00:00Z"),
          "refresh-3",
          Instant.parse("2026-11-30T15:00:00Z"),
          List.of("seed-1", "seed-2"),
          null);

  /**
   * An implementation as the contract sees it.
   *
   * @param store the store under test, empty at the start of each test
   * @param peer another instance's view of the same store (the store itself in memory)
   * @param shared whether instances share the store
   */
  protected record Fixture(TokenStore store, TokenStore peer, boolean shared) {}

  private TokenStore store() {
    return fixture().store();
  }

  @Test
  void read_emptyStore_isEmpty() {
    assertEquals(Optional.empty(), store().read());
  }

  @Test
  void replace_nothingStoredNorExpected_storesTheRecord() {
    assertTrue(store().replace(null, SEEDED));

    assertEquals(Optional.of(SEEDED), store().read());
  }

  @Test
  void replace_fullRecord_readsBackEqual() {
    store().replace(null, REFRESHED);

    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void replace_overTheRecordRead_replacesIt() {
    store().replace(null, SEEDED);

    assertTrue(store().replace(SEEDED, REFRESHED));

    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void replace_overARefreshTokenTheStoreNoLongerHolds_writesNothing() {
    // given: a writer read SEEDED, then another one rotated to REFRESHED
    store().replace(null, SEEDED);
    store().replace(SEEDED, REFRESHED);
    TokenRecord older =
        new TokenRecord("access-x", null, "refresh-x", Instant.EPOCH, List.of(), null);

    // when: the first writer, its lease run out, writes what it made of SEEDED
    boolean written = store().replace(SEEDED, older);

    // then
    assertFalse(written);
    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void replace_noneExpectedButARecordStored_writesNothing() {
    store().replace(null, REFRESHED);

    assertFalse(store().replace(null, SEEDED));

    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void replace_retriedAfterItsWriteLanded_succeeds() {
    store().replace(null, SEEDED);
    store().replace(SEEDED, REFRESHED);

    assertTrue(store().replace(SEEDED, REFRESHED));

    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void replace_sameRefreshTokenWithAFailure_recordsTheFailure() {
    store().replace(null, REFRESHED_AGAIN);
    TokenRecord failed =
        REFRESHED_AGAIN.withFailure(
            new TokenRecord.RefreshFailure("refused", Instant.parse("2026-12-01T00:00:00Z")));

    assertTrue(store().replace(REFRESHED_AGAIN, failed));

    assertEquals(Optional.of(failed), store().read());
  }

  @Test
  void replace_byOneInstance_isReadByAnother() {
    store().replace(null, REFRESHED);

    assertEquals(Optional.of(REFRESHED), fixture().peer().read());
  }

  @Test
  void shared_isTrueOnlyForAStoreSharedByInstances() {
    assertEquals(fixture().shared(), store().shared());
  }
}
