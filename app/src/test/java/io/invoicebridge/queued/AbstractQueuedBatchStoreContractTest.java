package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.ContractTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@link QueuedBatchStore} contract for a batch's callback, run against every implementation:
 * recorded owed with the final result that finishes the batch, claimed one delivery at a time,
 * settled once. Subclasses give a fresh, empty store per test and a way to let a short lease pass.
 */
abstract class AbstractQueuedBatchStoreContractTest
    extends ContractTest<AbstractQueuedBatchStoreContractTest.Fixture> {

  static final String ID = "batch-1";
  static final String HOOK = "https://hooks.example.com/invoice-bridge?token=s3cret";
  static final Duration LEASE = Duration.ofMinutes(1);
  static final Duration SHORT = Duration.ofMillis(200);
  static final int ATTEMPTS = 3;
  static final List<String> TWO_ITEMS = List.of("{\"key\":\"k-0\"}", "{\"key\":\"k-1\"}");
  static final String RESULT = "{\"key\":\"k\",\"status\":\"created\"}";

  /**
   * An implementation as the contract sees it.
   *
   * @param store the store under test, empty at the start of each test
   * @param elapsePast lets at least a given lease pass on the clock that judges claims
   */
  protected record Fixture(QueuedBatchStore store, Consumer<Duration> elapsePast) {}

  private QueuedBatchStore store() {
    return fixture().store();
  }

  @Test
  void record_finalResultThatFinishesABatchWithACallback_saysOwedAndShowsItPending() {
    submit(HOOK);

    boolean first = store().record(ID, 0, RESULT, true);
    boolean last = store().record(ID, 1, RESULT, true);

    assertFalse(first);
    assertTrue(last);
    assertEquals(callback(CallbackStatus.PENDING, 0), store().find(ID).orElseThrow().callback());
  }

  @Test
  void record_finishingABatchWithoutCallback_saysNothingOwed() {
    submit(null);
    store().record(ID, 0, RESULT, true);

    assertFalse(store().record(ID, 1, RESULT, true));
    assertNull(store().find(ID).orElseThrow().callback());
  }

  @Test
  void record_againOnAFinishedBatchWhileItsCallbackIsPending_saysOwedAgain() {
    finished();

    assertTrue(store().record(ID, 1, RESULT, true));
    assertTrue(store().record(ID, 0, "{\"key\":\"k\",\"status\":\"in_progress\"}", false));
  }

  @Test
  void record_againAfterTheCallbackWasDelivered_saysNothingOwed() {
    finished();
    store().settleCallback(ID, CallbackStatus.DELIVERED);

    assertFalse(store().record(ID, 1, RESULT, true));
  }

  @Test
  void find_beforeTheBatchFinishes_showsTheCallbackPendingWithoutAttempts() {
    submit(HOOK);

    assertEquals(callback(CallbackStatus.PENDING, 0), store().find(ID).orElseThrow().callback());
  }

  @Test
  void claimCallback_owed_claimsAndCountsTheFirstAttempt() {
    finished();

    CallbackClaim claim = store().claimCallback(ID, "owner-a", LEASE, ATTEMPTS);

    assertEquals(new CallbackClaim.Claimed(1), claim);
    assertEquals(callback(CallbackStatus.PENDING, 1), store().find(ID).orElseThrow().callback());
  }

  @Test
  void claimCallback_whileAnotherClaimIsLive_isBusy() {
    finished();
    store().claimCallback(ID, "owner-a", LEASE, ATTEMPTS);

    CallbackClaim claim = store().claimCallback(ID, "owner-b", LEASE, ATTEMPTS);

    assertEquals(new CallbackClaim.Busy(), claim);
    assertEquals(1, store().find(ID).orElseThrow().callback().attempts());
  }

  @Test
  void claimCallback_afterTheOwnerReleased_claimsTheNextAttempt() {
    finished();
    store().claimCallback(ID, "owner-a", LEASE, ATTEMPTS);
    store().releaseCallback(ID, "owner-a");

    assertEquals(
        new CallbackClaim.Claimed(2), store().claimCallback(ID, "owner-b", LEASE, ATTEMPTS));
  }

  @Test
  void releaseCallback_byAnotherThanTheOwner_leavesTheClaim() {
    finished();
    store().claimCallback(ID, "owner-a", LEASE, ATTEMPTS);

    store().releaseCallback(ID, "owner-b");

    assertEquals(new CallbackClaim.Busy(), store().claimCallback(ID, "owner-b", LEASE, ATTEMPTS));
  }

  @Test
  void claimCallback_afterTheLeaseOfAStoppedOwnerEnded_claimsTheNextAttempt() {
    finished();
    store().claimCallback(ID, "stopped", SHORT, ATTEMPTS);

    fixture().elapsePast().accept(SHORT);

    assertEquals(
        new CallbackClaim.Claimed(2), store().claimCallback(ID, "owner-b", LEASE, ATTEMPTS));
  }

  @Test
  void claimCallback_everyAttemptMade_isSpent() {
    finished();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      store().claimCallback(ID, "owner-" + attempt, LEASE, ATTEMPTS);
      store().releaseCallback(ID, "owner-" + attempt);
    }

    assertEquals(
        new CallbackClaim.Spent(ATTEMPTS), store().claimCallback(ID, "owner-x", LEASE, ATTEMPTS));
  }

  @Test
  void claimCallback_batchNotFinishedWithoutCallbackOrUnknown_isNotOwed() {
    submit(HOOK);
    store().record(ID, 0, RESULT, true);
    NewQueuedBatch plain = new NewQueuedBatch("batch-2", "hash", null, null, false, Instant.now());
    store().submit(plain, List.of("{\"key\":\"k\"}"));
    store().record("batch-2", 0, RESULT, true);

    assertEquals(new CallbackClaim.NotOwed(), store().claimCallback(ID, "a", LEASE, ATTEMPTS));
    assertEquals(
        new CallbackClaim.NotOwed(), store().claimCallback("batch-2", "a", LEASE, ATTEMPTS));
    assertEquals(new CallbackClaim.NotOwed(), store().claimCallback("gone", "a", LEASE, ATTEMPTS));
  }

  @Test
  void settleCallback_delivered_endsTheClaimAndIsNeverClaimedAgain() {
    finished();
    store().claimCallback(ID, "owner-a", LEASE, ATTEMPTS);

    store().settleCallback(ID, CallbackStatus.DELIVERED);

    assertEquals(callback(CallbackStatus.DELIVERED, 1), store().find(ID).orElseThrow().callback());
    assertEquals(
        new CallbackClaim.NotOwed(), store().claimCallback(ID, "owner-b", LEASE, ATTEMPTS));
  }

  @Test
  void settleCallback_failedAfterDelivered_staysDelivered() {
    finished();
    store().settleCallback(ID, CallbackStatus.DELIVERED);

    store().settleCallback(ID, CallbackStatus.FAILED);

    assertEquals(CallbackStatus.DELIVERED, store().find(ID).orElseThrow().callback().status());
  }

  @Test
  void item_unknownBatchOrIndex_isEmpty() {
    submit(null);

    assertTrue(store().item("no-such-batch", 0).isEmpty());
    assertTrue(store().item(ID, 2).isEmpty());
  }

  @Test
  void item_latestResultNotFinal_isNotSettled() {
    submit(HOOK);
    store().record(ID, 0, "{\"key\":\"k\",\"status\":\"in_progress\"}", false);

    assertEquals(new QueuedItem(TWO_ITEMS.get(0), false, false), store().item(ID, 0).orElseThrow());
  }

  @Test
  void item_finalResult_isSettled() {
    submit(HOOK);
    store().record(ID, 0, RESULT, true);

    assertEquals(new QueuedItem(TWO_ITEMS.get(0), true, false), store().item(ID, 0).orElseThrow());
    assertEquals(new QueuedItem(TWO_ITEMS.get(1), false, false), store().item(ID, 1).orElseThrow());
  }

  @Test
  void item_ofAFinishedBatch_saysTheCallbackIsOwedUntilSettled() {
    finished();

    assertTrue(store().item(ID, 1).orElseThrow().callbackOwed());
    store().settleCallback(ID, CallbackStatus.DELIVERED);
    assertFalse(store().item(ID, 1).orElseThrow().callbackOwed());
  }

  private void submit(String callbackUrl) {
    store()
        .submit(new NewQueuedBatch(ID, "hash", null, callbackUrl, false, Instant.now()), TWO_ITEMS);
  }

  private void finished() {
    submit(HOOK);
    store().record(ID, 0, RESULT, true);
    assertTrue(store().record(ID, 1, RESULT, true));
  }

  private static StoredQueuedBatch.Callback callback(CallbackStatus status, int attempts) {
    return new StoredQueuedBatch.Callback(status, attempts);
  }
}
