package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.TestInvoices;
import io.invoicebridge.timing.Deadline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Finding an invoice the bridge may have created, by its marker, against the fake freee. */
class FreeeReconciliationTest extends FakeFreeeGatewayTest {

  @Test
  void find_afterConnectionDroppedOnCreate_locatesTheInvoiceOnTheSecondPage() {
    // given
    fake.seedInvoices(150, BILLING_DATE, 101);
    fake.dropAfterNextCreates(1);
    CreateOutcome created =
        gateway.create(TestInvoices.body("k-drop", BILLING_DATE, 101), deadline());
    // when
    LookupOutcome outcome =
        gateway.find(TestInvoices.query("k-drop", BILLING_DATE, 101L, null), deadline());
    // then
    assertTrue(assertInstanceOf(CreateOutcome.Failed.class, created).uncertain());
    LookupOutcome.Found found = assertInstanceOf(LookupOutcome.Found.class, outcome);
    assertEquals("INV-0000151", found.invoice().invoiceNumber());
    assertEquals(1, fake.invoicesWithMemoContaining(TestInvoices.marker("k-drop")));
    assertEquals(3, fake.apiCallTimes().size());
  }

  @Test
  void find_partnerCode_resolvedOnceAndUsedToNarrowTheSearch() {
    // given
    fake.seedInvoices(120, BILLING_DATE, 102);
    gateway.create(TestInvoices.body("k-code", BILLING_DATE, 101), deadline());
    int callsBefore = fake.apiCallTimes().size();
    // when
    LookupOutcome first =
        gateway.find(TestInvoices.query("k-code", BILLING_DATE, null, "CUST-001"), deadline());
    int callsForFirst = fake.apiCallTimes().size() - callsBefore;
    LookupOutcome second =
        gateway.find(TestInvoices.query("k-code", BILLING_DATE, null, "CUST-001"), deadline());
    int callsForSecond = fake.apiCallTimes().size() - callsBefore - callsForFirst;
    // then
    assertInstanceOf(LookupOutcome.Found.class, first);
    assertInstanceOf(LookupOutcome.Found.class, second);
    assertEquals(2, callsForFirst);
    assertEquals(1, callsForSecond);
  }

  @Test
  void find_noInvoiceCarriesTheMarker_notFound() {
    // given
    fake.seedInvoices(30, BILLING_DATE, 101);
    // when
    LookupOutcome outcome =
        gateway.find(TestInvoices.query("k-none", BILLING_DATE, 101L, null), deadline());
    // then
    assertInstanceOf(LookupOutcome.NotFound.class, outcome);
  }

  @Test
  void find_moreThanTenThousandOnOneDate_incompleteAtFreeesOffsetCap() {
    // given
    fake.rateLimit(100_000, Duration.ofMinutes(1));
    fake.seedInvoices(10_000, BILLING_DATE, 101);
    // when
    LookupOutcome outcome =
        gateway.find(TestInvoices.query("k-deep", BILLING_DATE, 101L, null), deadline());
    // then
    LookupOutcome.Incomplete incomplete = assertInstanceOf(LookupOutcome.Incomplete.class, outcome);
    assertTrue(incomplete.reason().contains("10,000"), incomplete.reason());
    assertEquals(100, fake.apiCallTimes().size());
  }

  @Test
  void find_noTimeLeft_incompleteAndNothingSent() {
    // given
    gateway.create(TestInvoices.body("k-late", BILLING_DATE, 101), deadline());
    int callsBefore = fake.apiCallTimes().size();
    // when
    LookupOutcome outcome =
        gateway.find(
            TestInvoices.query("k-late", BILLING_DATE, 101L, null),
            Deadline.in(Duration.ZERO, clock));
    // then
    assertInstanceOf(LookupOutcome.Incomplete.class, outcome);
    assertEquals(callsBefore, fake.apiCallTimes().size());
  }

  private Deadline deadline() {
    return deadline(30);
  }
}
