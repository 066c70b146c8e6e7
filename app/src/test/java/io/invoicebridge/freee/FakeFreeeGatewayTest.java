package io.invoicebridge.freee;

import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.FreeeTestApp;
import io.invoicebridge.timing.Deadline;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;

/** The real bean graph of the freee client against a fresh fake freee, closed after each test. */
abstract class FakeFreeeGatewayTest {

  static final LocalDate BILLING_DATE = LocalDate.of(2026, 9, 30);

  final Clock clock = Clock.systemUTC();
  final FakeFreee fake = FakeFreee.start();
  final ApplicationContext app = FreeeTestApp.start(fake, fake.issueRefreshToken());
  final InvoiceGateway gateway = app.getBean(InvoiceGateway.class);

  @AfterEach
  void stop() {
    app.close();
    fake.close();
  }

  /** A deadline {@code seconds} from now. */
  Deadline deadline(int seconds) {
    return Deadline.in(Duration.ofSeconds(seconds), clock);
  }
}
