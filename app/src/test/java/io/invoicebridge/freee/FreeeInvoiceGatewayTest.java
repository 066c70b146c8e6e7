package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.quota.FreeeRateLimitSnapshot;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.FreeeTestApp;
import io.invoicebridge.testing.TestInvoices;
import io.invoicebridge.timing.Deadline;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Creating invoices through the real bean graph against the fake freee. */
class FreeeInvoiceGatewayTest extends FakeFreeeGatewayTest {

  @Test
  void create_valid_createdWithFreeeIdsAndHeadroomRecorded() {
    // given
    Instant before = clock.instant().minusSeconds(1);
    // when
    CreateOutcome outcome =
        gateway.create(TestInvoices.body("k-ok", BILLING_DATE, 101), deadline());
    // then
    CreateOutcome.Created created = assertInstanceOf(CreateOutcome.Created.class, outcome);
    assertEquals("INV-0000001", created.invoice().invoiceNumber());
    assertFalse(created.invoice().createdAt().isBefore(before));
    assertTrue(created.requestId().startsWith("fake-"));
    FreeeRateLimitSnapshot headroom = app.getBean(FreeeAnswerReader.class).lastSeen().orElseThrow();
    assertEquals(30, headroom.minuteLimit());
    assertEquals(29, headroom.minuteRemaining());
  }

  @Test
  void create_invalidBody_rejectedWithFreeeMessages() {
    // given
    String json =
        """
        {"company_id":%d,"billing_date":"2026/09/30","partner_id":101,"partner_title":"御中",
         "tax_entry_method":"out","tax_fraction":"omit","withholding_tax_entry_method":"out",
         "lines":[{"type":"item","quantity":1,"unit_price":"100","tax_rate":10}]}
        """
            .formatted(FakeFreee.COMPANY_ID);
    // when
    CreateOutcome outcome =
        gateway.create(TestInvoices.withJson(json, "k-bad", BILLING_DATE), deadline());
    // then
    CreateOutcome.Rejected rejected = assertInstanceOf(CreateOutcome.Rejected.class, outcome);
    assertEquals(400, rejected.httpStatus());
    assertTrue(rejected.messages().getFirst().startsWith("Date は不正な日付フォーマットです。"));
  }

  @Test
  void create_freeeAnswers503_failedUncertain() {
    // given
    fake.failNextCreates(1);
    // when
    CreateOutcome outcome =
        gateway.create(TestInvoices.body("k-503", BILLING_DATE, 101), deadline());
    // then
    CreateOutcome.Failed failed = assertInstanceOf(CreateOutcome.Failed.class, outcome);
    assertTrue(failed.uncertain());
    assertTrue(failed.requestId().startsWith("fake-"));
  }

  @Test
  void create_answerSlowerThanDeadline_failedUncertain() {
    // given
    fake.slowAfterNextCreates(1, Duration.ofSeconds(4));
    Deadline shortDeadline = Deadline.in(Duration.ofMillis(1500), clock);
    // when
    CreateOutcome outcome =
        gateway.create(TestInvoices.body("k-slow", BILLING_DATE, 101), shortDeadline);
    // then
    assertTrue(assertInstanceOf(CreateOutcome.Failed.class, outcome).uncertain());
    assertEquals(1, fake.invoicesWithMemoContaining(TestInvoices.marker("k-slow")));
  }

  @Test
  void create_expiredAccessToken_refreshesOnceAndRetries() {
    // given
    gateway.create(TestInvoices.body("k-first", BILLING_DATE, 101), deadline());
    fake.expireAccessTokens();
    // when
    CreateOutcome outcome =
        gateway.create(TestInvoices.body("k-second", BILLING_DATE, 101), deadline());
    // then
    assertInstanceOf(CreateOutcome.Created.class, outcome);
    assertEquals(2, fake.refreshCount());
    assertEquals(3, fake.apiCallTimes().size());
    assertEquals(1, fake.invoicesWithMemoContaining(TestInvoices.marker("k-second")));
  }

  @Test
  void create_breakerOpen_notSentWithTheBreakersReopeningAsRetryAt() {
    // given: freee down for long enough to open the breaker
    FreeeOutageBreaker breaker = app.getBean(FreeeOutageBreaker.class);
    Instant before = clock.instant();
    for (int i = 0; i < FreeeOutageBreaker.FAILURES_TO_OPEN; i++) {
      breaker.recordFailure();
    }
    Instant after = clock.instant();
    // when
    CreateOutcome outcome =
        gateway.create(TestInvoices.body("k-outage", BILLING_DATE, 101), deadline());
    // then: the breaker's reopening, not a fixed few seconds
    CreateOutcome.NotSent notSent = assertInstanceOf(CreateOutcome.NotSent.class, outcome);
    Instant retryAt = notSent.retryAt().orElseThrow();
    assertFalse(retryAt.isBefore(before.plus(FreeeOutageBreaker.OPEN_FOR)), retryAt.toString());
    assertFalse(retryAt.isAfter(after.plus(FreeeOutageBreaker.OPEN_FOR)), retryAt.toString());
    assertEquals(0, fake.apiCallTimes().size());
  }

  @Test
  void create_minuteQuotaSpentByAnotherInstance_throttledAndEveryCallPaused() {
    // given
    fake.rateLimit(1, Duration.ofSeconds(60));
    try (ApplicationContext other = FreeeTestApp.start(fake, fake.issueRefreshToken())) {
      other
          .getBean(InvoiceGateway.class)
          .create(TestInvoices.body("k-a", BILLING_DATE, 101), deadline());
      // when
      CreateOutcome outcome =
          gateway.create(TestInvoices.body("k-b", BILLING_DATE, 101), deadline());
      CreateOutcome next =
          gateway.create(
              TestInvoices.body("k-c", BILLING_DATE, 101),
              Deadline.in(Duration.ofSeconds(2), clock));
      // then
      CreateOutcome.Throttled throttled = assertInstanceOf(CreateOutcome.Throttled.class, outcome);
      assertTrue(throttled.quotaWait().until().isAfter(clock.instant().plusSeconds(50)));
      CreateOutcome.NotSent notSent = assertInstanceOf(CreateOutcome.NotSent.class, next);
      assertEquals(Optional.of(throttled.quotaWait().until()), notSent.retryAt());
      assertEquals(1, fake.rateLimitedCount());
      assertEquals(2, fake.apiCallTimes().size());
    }
  }

  @Test
  void create_freeeApiRefusesConnections_failedCertain() throws Exception {
    // given
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> unreachable =
        Map.of("micronaut.http.services.freee-api.url", "http://127.0.0.1:" + closedPort);
    try (ApplicationContext cut = FreeeTestApp.start(fake, fake.issueRefreshToken(), unreachable)) {
      // when
      CreateOutcome outcome =
          cut.getBean(InvoiceGateway.class)
              .create(TestInvoices.body("k-down", BILLING_DATE, 101), deadline());
      // then
      assertFalse(assertInstanceOf(CreateOutcome.Failed.class, outcome).uncertain());
    }
  }

  @Test
  void create_refreshTokenAlreadySpent_failedCertainAndNothingSent() {
    // given
    try (ApplicationContext spent = FreeeTestApp.start(fake, "rt-never-issued")) {
      // when
      CreateOutcome outcome =
          spent
              .getBean(InvoiceGateway.class)
              .create(TestInvoices.body("k-x", BILLING_DATE, 101), deadline());
      // then
      CreateOutcome.Failed failed = assertInstanceOf(CreateOutcome.Failed.class, outcome);
      assertFalse(failed.uncertain());
      assertTrue(failed.reason().contains("invalid_grant"));
      assertEquals(0, fake.createRequestCount());
    }
  }

  private Deadline deadline() {
    return deadline(20);
  }
}
