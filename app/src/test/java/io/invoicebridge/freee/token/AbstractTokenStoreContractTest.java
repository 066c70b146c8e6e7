package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link TokenStore} contract, run against every implementation. */
abstract class AbstractTokenStoreContractTest {

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

  /** The store under test, empty at the start of each test. */
  protected abstract TokenStore store();

  /** Another instance's view of the same store (the store itself in memory). */
  protected abstract TokenStore peerOf(TokenStore store);

  protected abstract boolean expectedShared();

  @Test
  void read_emptyStore_isEmpty() {
    assertEquals(Optional.empty(), store().read());
  }

  @Test
  void write_seedRecord_readsBackEqual() {
    store().write(SEEDED);

    assertEquals(Optional.of(SEEDED), store().read());
  }

  @Test
  void write_fullRecord_readsBackEqual() {
    store().write(REFRESHED);

    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void write_again_replacesTheRecord() {
    store().write(SEEDED);

    store().write(REFRESHED);

    assertEquals(Optional.of(REFRESHED), store().read());
  }

  @Test
  void write_byOneInstance_isReadByAnother() {
    TokenStore other = peerOf(store());

    store().write(REFRESHED);

    assertEquals(Optional.of(REFRESHED), other.read());
  }

  @Test
  void shared_isTrueOnlyForAStoreSharedByInstances() {
    assertEquals(expectedShared(), store().shared());
  }
}
