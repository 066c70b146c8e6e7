package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.invoicebridge.freee.token.TokenRecord;
import io.invoicebridge.freee.token.TokenStore;
import io.invoicebridge.logging.LogFields;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.FreeeTestApp;
import io.invoicebridge.testing.LogCapture;
import io.invoicebridge.testing.TestInvoices;
import io.invoicebridge.timing.Deadline;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every freee call is logged with freee's request id, status and duration, never secrets or bodies.
 */
class FreeeCallLoggingTest {

  @Test
  void create_logsRequestIdStatusAndDuration_neverTokensOrInvoiceData() {
    try (FakeFreee fake = FakeFreee.start();
        LogCapture logs = new LogCapture()) {
      // given
      String seed = fake.issueRefreshToken();
      try (ApplicationContext app = FreeeTestApp.start(fake, seed)) {
        InvoiceGateway gateway = app.getBean(InvoiceGateway.class);
        Deadline deadline = Deadline.in(Duration.ofSeconds(20), Clock.systemUTC());
        // when
        gateway.create(TestInvoices.body("k-log", LocalDate.of(2026, 9, 30), 101), deadline);
        fake.expireAccessTokens();
        gateway.create(TestInvoices.body("k-log2", LocalDate.of(2026, 9, 30), 101), deadline);
        // then
        List<ILoggingEvent> calls =
            logs.events().stream()
                .filter(e -> e.getLoggerName().equals(FreeeCallLog.class.getName()))
                .toList();
        assertEquals(3, calls.size());
        ILoggingEvent created = calls.getFirst();
        assertNotNull(created.getMDCPropertyMap().get(LogFields.FREEE_REQUEST_ID));
        assertEquals("201", created.getMDCPropertyMap().get(FreeeCallLog.HTTP_STATUS));
        assertNotNull(created.getMDCPropertyMap().get(LogFields.DURATION_MS));
        assertEquals("401", calls.get(1).getMDCPropertyMap().get(FreeeCallLog.HTTP_STATUS));
        TokenRecord record = app.getBean(TokenStore.class).read().orElseThrow();
        String text = logs.text();
        for (String secret :
            List.of(
                seed,
                record.accessToken(),
                record.refreshToken(),
                FakeFreee.CLIENT_SECRET,
                "コンサルティング",
                "k-log")) {
          assertFalse(text.contains(secret), "logs must not carry secrets or invoice data");
        }
      }
    }
  }
}
