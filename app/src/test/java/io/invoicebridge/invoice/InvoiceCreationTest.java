package io.invoicebridge.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.freee.CreateOutcome;
import io.invoicebridge.freee.LookupOutcome;
import io.invoicebridge.ledger.CreatedInvoice;
import io.invoicebridge.ledger.InMemoryLedger;
import io.invoicebridge.ledger.LedgerRecord;
import io.invoicebridge.quota.QuotaWait;
import io.invoicebridge.quota.Window;
import io.invoicebridge.testing.MutableClock;
import io.invoicebridge.testing.TestConfig;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.RetryPolicy;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class InvoiceCreationTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T01:00:00Z");
  private final InMemoryLedger ledger = new InMemoryLedger(clock);
  private final ScriptedGateway gateway = new ScriptedGateway();
  private final InvoiceCreation creation =
      new InvoiceCreation(
          ledger,
          gateway,
          new FreeeBodyBuilder(TestConfig.config(false)),
          new RetryPolicy(
              3,
              Duration.ofMillis(100),
              Duration.ofSeconds(1),
              RandomGenerator.of("L64X128MixRandom")),
          clock,
          clock::advance,
          InvoiceCreation.CLAIM_MARGIN);
  private final InvoiceItem item = item("2026-11/ACME/1", "50000");

  @Test
  void create_newKey_createsOnceAndRecordsIt() {
    gateway.thenCreate(created(49034614));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.CREATED, result.status());
    assertEquals(49034614L, result.invoiceId());
    assertEquals(1, gateway.sent.size());
    assertInstanceOf(LedgerRecord.Created.class, ledger.find(item.key()).orElseThrow());
  }

  @Test
  void create_keyAlreadyCreated_returnsStoredInvoiceWithoutCallingFreee() {
    gateway.thenCreate(created(7));
    creation.create(item, deadline());

    ItemResult again = creation.create(item, deadline());

    assertEquals(ItemStatus.REPLAYED, again.status());
    assertEquals(7L, again.invoiceId());
    assertEquals(1, gateway.sent.size());
  }

  @Test
  void create_keyReusedWithDifferentPayload_isConflict() {
    gateway.thenCreate(created(7));
    creation.create(item, deadline());

    ItemResult other = creation.create(item("2026-11/ACME/1", "99999"), deadline());

    assertEquals(ItemStatus.CONFLICT, other.status());
    assertEquals(1, gateway.sent.size());
  }

  @Test
  void create_keyClaimedByLiveRequest_isInProgressWithRetryAfter() {
    ledger.claim(item.key(), item.payloadHash(), "someone-else", Duration.ofSeconds(40));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.IN_PROGRESS, result.status());
    assertEquals(Duration.ofSeconds(40), result.retryAfter());
    assertTrue(gateway.sent.isEmpty());
  }

  @Test
  void create_rejectedByFreee_releasesKeySoACorrectedItemCanBeSent() {
    gateway.thenCreate(new CreateOutcome.Rejected(400, List.of("partner not found"), "req-1"));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.REJECTED, result.status());
    assertEquals(List.of("partner not found"), result.errors());
    assertTrue(ledger.find(item.key()).isEmpty());
  }

  @Test
  void create_uncertainFailure_searchesFreeeBeforeCreatingAgain() {
    gateway
        .thenCreate(new CreateOutcome.Failed("connection reset", true, null))
        .thenFind(new LookupOutcome.Found(invoice(55)));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.CREATED, result.status());
    assertEquals(55L, result.invoiceId());
    assertEquals(1, gateway.sent.size());
    assertEquals(item.marker(), gateway.searched.getFirst().marker());
  }

  @Test
  void create_uncertainFailureNotFoundInFreee_createsAgain() {
    gateway
        .thenCreate(new CreateOutcome.Failed("HTTP 503", true, null))
        .thenFind(new LookupOutcome.NotFound())
        .thenCreate(created(56));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.CREATED, result.status());
    assertEquals(2, result.attempts());
  }

  @Test
  void create_uncertainUntilBudgetEnds_keepsClaimSoNextOwnerReconciles() {
    gateway
        .thenCreate(new CreateOutcome.Failed("timeout", true, null))
        .thenFind(new LookupOutcome.Incomplete("HTTP 503"))
        .thenFind(new LookupOutcome.Incomplete("HTTP 503"));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.FAILED, result.status());
    assertInstanceOf(LedgerRecord.Claimed.class, ledger.find(item.key()).orElseThrow());
  }

  @Test
  void create_expiredClaimTakenOver_reconcilesAndReplaysWhatTheDeadOwnerCreated() {
    ledger.claim(item.key(), item.payloadHash(), "dead-instance", Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(6));
    gateway.thenFind(new LookupOutcome.Found(invoice(77)));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.REPLAYED, result.status());
    assertEquals(77L, result.invoiceId());
    assertTrue(gateway.sent.isEmpty());
  }

  @Test
  void create_throttled_waitsForFreeesResetThenSucceeds() {
    Instant reset = clock.instant().plusSeconds(20);
    gateway
        .thenCreate(
            new CreateOutcome.Throttled(QuotaWait.spent(Window.MINUTE, reset, 30), "req-429"))
        .thenCreate(created(8));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.CREATED, result.status());
    assertTrue(!clock.instant().isBefore(reset));
  }

  @Test
  void create_throttledUntilAfterTheDeadline_notAttemptedWithTheResetAndDetailNamingTheWindow() {
    Instant reset = clock.instant().plus(Duration.ofMinutes(10));
    gateway.thenCreate(
        new CreateOutcome.Throttled(QuotaWait.spent(Window.HOUR, reset, 1500), "req-429"));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.NOT_ATTEMPTED, result.status());
    assertEquals(0, result.attempts(), "a create freee refused with 429 is not an attempt");
    assertTrue(result.hasKnownWait(), "held back by freee's hour, not by the deadline");
    assertEquals(Duration.ofMinutes(10), result.retryAfter());
    assertTrue(
        result.detail().startsWith("freee's hourly limit of 1500 is spent; it resets at " + reset),
        result.detail());
    assertEquals(1, gateway.sent.size(), "no call after freee said the hour is spent");
  }

  @Test
  void create_heldBackByAWindow_notAttemptedWithRetryAfterAtItsReset() {
    Instant reset = clock.instant().plus(Duration.ofMinutes(30));
    gateway.thenCreate(
        new CreateOutcome.NotSent(
            QuotaWait.spent(Window.DAY, reset, 3000).detail(), Optional.of(reset)));

    ItemResult result = creation.create(item, deadline());

    assertEquals(ItemStatus.NOT_ATTEMPTED, result.status());
    assertEquals(Duration.ofMinutes(30), result.retryAfter());
    assertTrue(result.hasKnownWait());
    assertTrue(result.detail().startsWith("freee's daily limit of 3000 is spent"), result.detail());
  }

  @Test
  void create_transientFailuresExhaustBudget_failsAndReleasesKey() {
    gateway
        .thenCreate(new CreateOutcome.Failed("connect refused", false, null))
        .thenCreate(new CreateOutcome.Failed("connect refused", false, null))
        .thenCreate(new CreateOutcome.Failed("connect refused", false, null));

    ItemResult result = creation.create(item, deadline());

    assertReleasedAs(ItemStatus.FAILED, 3, result);
  }

  @Test
  void create_noSlotBeforeDeadline_isNotAttemptedAndReleased() {
    gateway.thenCreate(new CreateOutcome.NotSent("no time left to create", Optional.empty()));

    ItemResult result = creation.create(item, deadline());

    assertReleasedAs(ItemStatus.NOT_ATTEMPTED, 0, result);
  }

  @Test
  void create_noSlotLeftAfterTransientFailures_failsNamingTheFailure() {
    gateway
        .thenCreate(new CreateOutcome.Failed("rate limiter reserve failed: X", false, null))
        .thenCreate(new CreateOutcome.NotSent("no time left to create", Optional.empty()));

    ItemResult result = creation.create(item, deadline());

    assertReleasedAs(ItemStatus.FAILED, 1, result);
    assertTrue(result.detail().startsWith("rate limiter reserve failed"), result.detail());
  }

  @Test
  void create_sendsMarkerInMemoAndCompanyFromConfiguration() {
    gateway.thenCreate(created(9));

    creation.create(item, deadline());

    var body = gateway.sent.getFirst().json();
    assertEquals(4711L, body.get("company_id").getLongValue());
    assertEquals("[invoice-bridge:2026-11/ACME/1]", body.get("memo").getStringValue());
  }

  /** The item ended with {@code status} after {@code attempts} creates, its key free again. */
  private void assertReleasedAs(ItemStatus status, int attempts, ItemResult result) {
    assertEquals(status, result.status());
    assertEquals(attempts, result.attempts());
    assertTrue(ledger.find(item.key()).isEmpty());
  }

  private Deadline deadline() {
    return Deadline.in(Duration.ofSeconds(30), clock);
  }

  private CreateOutcome created(long id) {
    return new CreateOutcome.Created(invoice(id), "req-" + id);
  }

  private CreatedInvoice invoice(long id) {
    return new CreatedInvoice(id, "INV-" + id, clock.instant());
  }

  static InvoiceItem item(String key, String unitPrice) {
    String body = TestItems.batchOf(TestItems.json(key, 101, unitPrice));
    return new BatchReader(JsonMapper.createDefault(), TestConfig.config(false))
        .readBatch(body.getBytes(StandardCharsets.UTF_8))
        .getFirst();
  }
}
