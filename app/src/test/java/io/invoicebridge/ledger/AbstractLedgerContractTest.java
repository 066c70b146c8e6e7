package io.invoicebridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.ContractTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@link Ledger} contract, run against every implementation. Subclasses give a fresh, empty
 * ledger per test and a way to let a short claim TTL pass.
 */
abstract class AbstractLedgerContractTest extends ContractTest<AbstractLedgerContractTest.Fixture> {

  static final String KEY = "2026-11/ACME/1";
  static final String HASH = "a".repeat(64);
  static final String OTHER_HASH = "b".repeat(64);
  static final Duration LIVE = Duration.ofMinutes(10);
  static final Duration SHORT = Duration.ofMillis(200);
  static final CreatedInvoice INVOICE =
      new CreatedInvoice(49034614L, "INV-0000123", Instant.parse("2026-11-30T01:02:03.456Z"));

  /**
   * An implementation as the contract sees it.
   *
   * @param ledger the ledger under test, empty at the start of each test
   * @param clock the clock that judges claim expiry
   * @param elapsePast lets at least a given time pass on that clock
   * @param shared whether instances share the ledger
   */
  protected record Fixture(
      Ledger ledger, Clock clock, Consumer<Duration> elapsePast, boolean shared) {}

  /** Asserts that the record of {@code key} stays exactly {@code retention}, then goes. */
  protected abstract void assertKeptFor(String key, Duration retention);

  private Ledger ledger() {
    return fixture().ledger();
  }

  private void elapsePast(Duration ttl) {
    fixture().elapsePast().accept(ttl);
  }

  @Test
  void claim_freeKey_acquiresFenceOneWithoutReconcile() {
    ClaimOutcome outcome = ledger().claim(KEY, HASH, "owner-a", LIVE);

    assertEquals(new ClaimOutcome.Acquired(1, false), outcome);
  }

  @Test
  void claim_liveClaimOfAnother_isHeldWithThatClaim() {
    Instant before = fixture().clock().instant().minusSeconds(5);
    ledger().claim(KEY, HASH, "owner-a", LIVE);

    ClaimOutcome outcome = ledger().claim(KEY, HASH, "owner-b", LIVE);

    LedgerRecord.Claimed claim = heldClaim(outcome);
    assertEquals("owner-a", claim.ownerToken());
    assertEquals(1, claim.fence());
    assertEquals(HASH, claim.payloadHash());
    assertTrue(claim.expiresAt().isAfter(before.plus(LIVE).minusSeconds(60)));
  }

  @Test
  void claim_sameOwnerWhileLive_isHeld() {
    ledger().claim(KEY, HASH, "owner-a", LIVE);

    ClaimOutcome outcome = ledger().claim(KEY, HASH, "owner-a", LIVE);

    assertEquals("owner-a", heldClaim(outcome).ownerToken());
  }

  @Test
  void claim_createdKey_isHeldWithTheInvoiceForReplay() {
    createdBy("owner-a");

    ClaimOutcome outcome = ledger().claim(KEY, HASH, "owner-b", LIVE);

    assertEquals(new ClaimOutcome.Held(new LedgerRecord.Created(HASH, INVOICE)), outcome);
  }

  @Test
  void claim_createdKeyWithOtherPayload_isHeldWithTheOriginalHashForConflict() {
    createdBy("owner-a");

    ClaimOutcome outcome = ledger().claim(KEY, OTHER_HASH, "owner-b", LIVE);

    assertEquals(HASH, assertInstanceOf(ClaimOutcome.Held.class, outcome).existing().payloadHash());
  }

  @Test
  void claim_invoiceWithoutNumber_replaysWithoutNumber() {
    CreatedInvoice unnumbered = new CreatedInvoice(7L, null, INVOICE.createdAt());
    ledger().claim(KEY, HASH, "owner-a", LIVE);
    ledger().complete(KEY, "owner-a", unnumbered);

    Optional<LedgerRecord> found = ledger().find(KEY);

    assertEquals(Optional.of(new LedgerRecord.Created(HASH, unnumbered)), found);
  }

  @Test
  void claim_expiredClaim_isTakenOverWithNextFenceAndReconcile() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);
    elapsePast(SHORT);

    ClaimOutcome outcome = ledger().claim(KEY, HASH, "owner-b", LIVE);

    assertEquals(new ClaimOutcome.Acquired(2, true), outcome);
    assertEquals("owner-b", claimOf(KEY).ownerToken());
  }

  @Test
  void claim_takenOverTwice_fenceKeepsCounting() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);
    elapsePast(SHORT);
    ledger().claim(KEY, HASH, "owner-b", SHORT);
    elapsePast(SHORT);

    ClaimOutcome outcome = ledger().claim(KEY, HASH, "owner-c", LIVE);

    assertEquals(new ClaimOutcome.Acquired(3, true), outcome);
  }

  @Test
  void find_expiredClaimNotTakenOver_isStillKept() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);
    elapsePast(SHORT);

    Optional<LedgerRecord> found = ledger().find(KEY);

    LedgerRecord.Claimed claim = assertInstanceOf(LedgerRecord.Claimed.class, found.orElseThrow());
    assertEquals("owner-a", claim.ownerToken());
  }

  @Test
  void find_unknownKey_isEmpty() {
    assertEquals(Optional.empty(), ledger().find("never-claimed"));
  }

  @Test
  void complete_owner_recordsCreated() {
    ledger().claim(KEY, HASH, "owner-a", LIVE);

    boolean completed = ledger().complete(KEY, "owner-a", INVOICE);

    assertTrue(completed);
    assertEquals(Optional.of(new LedgerRecord.Created(HASH, INVOICE)), ledger().find(KEY));
  }

  @Test
  void complete_ownerAfterExpiryWithoutTakeover_recordsCreated() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);
    elapsePast(SHORT);

    boolean completed = ledger().complete(KEY, "owner-a", INVOICE);

    assertTrue(completed);
    assertEquals(Optional.of(new LedgerRecord.Created(HASH, INVOICE)), ledger().find(KEY));
  }

  @Test
  void complete_wrongOwner_writesNothing() {
    ledger().claim(KEY, HASH, "owner-a", LIVE);

    boolean completed = ledger().complete(KEY, "owner-b", INVOICE);

    assertFalse(completed);
    assertEquals("owner-a", claimOf(KEY).ownerToken());
  }

  @Test
  void complete_previousOwnerAfterTakeover_cannotOverwriteNewOwner() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);
    elapsePast(SHORT);
    ledger().claim(KEY, HASH, "owner-b", LIVE);

    boolean completed = ledger().complete(KEY, "owner-a", INVOICE);

    assertFalse(completed);
    assertEquals("owner-b", claimOf(KEY).ownerToken());
    assertEquals(2, claimOf(KEY).fence());
  }

  @Test
  void complete_noRecord_doesNotResurrect() {
    boolean completed = ledger().complete(KEY, "owner-a", INVOICE);

    assertFalse(completed);
    assertEquals(Optional.empty(), ledger().find(KEY));
  }

  @Test
  void complete_afterRelease_doesNotResurrect() {
    ledger().claim(KEY, HASH, "owner-a", LIVE);
    ledger().release(KEY, "owner-a");

    boolean completed = ledger().complete(KEY, "owner-a", INVOICE);

    assertFalse(completed);
    assertEquals(Optional.empty(), ledger().find(KEY));
  }

  @Test
  void complete_alreadyCreated_changesNothing() {
    createdBy("owner-a");
    CreatedInvoice other = new CreatedInvoice(1L, "OTHER", INVOICE.createdAt());

    boolean completed = ledger().complete(KEY, "owner-a", other);

    assertFalse(completed);
    assertEquals(Optional.of(new LedgerRecord.Created(HASH, INVOICE)), ledger().find(KEY));
  }

  @Test
  void release_owner_freesTheKey() {
    ledger().claim(KEY, HASH, "owner-a", LIVE);

    boolean released = ledger().release(KEY, "owner-a");

    assertTrue(released);
    assertEquals(Optional.empty(), ledger().find(KEY));
    assertEquals(
        new ClaimOutcome.Acquired(1, false), ledger().claim(KEY, OTHER_HASH, "owner-b", LIVE));
  }

  @Test
  void release_wrongOwner_deletesNothing() {
    ledger().claim(KEY, HASH, "owner-a", LIVE);

    boolean released = ledger().release(KEY, "owner-b");

    assertFalse(released);
    assertEquals("owner-a", heldClaim(ledger().claim(KEY, HASH, "owner-c", LIVE)).ownerToken());
  }

  @Test
  void release_previousOwnerAfterTakeover_deletesNothing() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);
    elapsePast(SHORT);
    ledger().claim(KEY, HASH, "owner-b", LIVE);

    boolean released = ledger().release(KEY, "owner-a");

    assertFalse(released);
    assertEquals("owner-b", claimOf(KEY).ownerToken());
  }

  @Test
  void release_createdRecord_deletesNothing() {
    createdBy("owner-a");

    boolean released = ledger().release(KEY, "owner-a");

    assertFalse(released);
    assertEquals(Optional.of(new LedgerRecord.Created(HASH, INVOICE)), ledger().find(KEY));
  }

  @Test
  void complete_createdRecord_isKeptSevenDays() {
    createdBy("owner-a");

    assertKeptFor(KEY, Ledger.CREATED_RETENTION);
  }

  @Test
  void claim_claimRecord_isKeptSevenDaysPastItsExpiry() {
    ledger().claim(KEY, HASH, "owner-a", SHORT);

    assertKeptFor(KEY, Ledger.CREATED_RETENTION);
  }

  @Test
  void claim_manyConcurrentClaimers_exactlyOneAcquires() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<ClaimOutcome>> claimers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String owner = "owner-" + i;
        claimers.add(() -> ledger().claim(KEY, HASH, owner, LIVE));
      }
      List<ClaimOutcome> outcomes = new ArrayList<>();
      for (Future<ClaimOutcome> outcome : pool.invokeAll(claimers)) {
        outcomes.add(outcome.get());
      }

      assertEquals(1, outcomes.stream().filter(ClaimOutcome.Acquired.class::isInstance).count());
      assertEquals(15, outcomes.stream().filter(ClaimOutcome.Held.class::isInstance).count());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shared_isTrueOnlyForAStoreSharedByInstances() {
    assertEquals(fixture().shared(), ledger().shared());
  }

  private void createdBy(String owner) {
    ledger().claim(KEY, HASH, owner, LIVE);
    assertTrue(ledger().complete(KEY, owner, INVOICE));
  }

  private static LedgerRecord.Claimed heldClaim(ClaimOutcome outcome) {
    ClaimOutcome.Held held = assertInstanceOf(ClaimOutcome.Held.class, outcome);
    return assertInstanceOf(LedgerRecord.Claimed.class, held.existing());
  }

  private LedgerRecord.Claimed claimOf(String key) {
    return assertInstanceOf(LedgerRecord.Claimed.class, ledger().find(key).orElseThrow());
  }
}
