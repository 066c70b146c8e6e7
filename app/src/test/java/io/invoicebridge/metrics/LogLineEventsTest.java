package io.invoicebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.invoicebridge.logging.BridgeLogLayout;
import io.invoicebridge.testing.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Where the Embedded Metric Format block appears, and the names the lines carry. */
class LogLineEventsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);

  @Test
  void emit_onLambdaWithStructuredLines_addsTheEmbeddedMetricBlock() {
    // given
    LogLineEvents events =
        new LogLineEvents(new OperationsSettings("bridge-prod", null, null), true, CLOCK);

    // when
    String line = written(events, new InvoiceOutcome("created", 1, 420));

    // then
    assertTrue(line.contains("\"service\":\"bridge-prod\""), line);
    assertTrue(line.contains("\"attempts\":1,\"duration_ms\":420,\"Invoices\":1"), line);
    assertTrue(
        line.contains(
            "\"_aws\":{\"Timestamp\":"
                + CLOCK.millis()
                + ",\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"InvoiceBridge\",\"Dimensions\":[[\"service\"],[\"service\",\"outcome\"]]"),
        line);
  }

  @Test
  void emit_onGoogleCloud_writesTheMetricMembersWithoutTheAwsBlock() {
    // given
    LogLineEvents events =
        new LogLineEvents(new OperationsSettings(null, "bridge-gcp", null), true, CLOCK);

    // when
    String line = written(events, new FreeeCall("POST /iv/invoices", 201, 350));

    // then
    assertTrue(line.contains("\"service\":\"bridge-gcp\""), line);
    assertTrue(line.contains("\"FreeeCalls\":1,\"FreeeLatency\":350"), line);
    assertFalse(line.contains("_aws"), line);
  }

  @Test
  void emit_onLambdaWithPlainLines_addsNoBlockCloudWatchCouldNotRead() {
    // given
    LogLineEvents events =
        new LogLineEvents(new OperationsSettings("bridge-prod", null, null), false, CLOCK);

    // when
    String line = written(events, new RedisUnreachable("cannot connect"));

    // then
    assertFalse(line.contains("_aws"), line);
  }

  @Test
  void quotaPercent_fromRemainingAndLimit_isTheShareSpent() {
    assertEquals(80.0, QuotaUsed.percent(300, 1500));
    assertEquals(100.0, QuotaUsed.percent(0, 30));
    assertEquals(null, QuotaUsed.percent(null, 30));
  }

  private static String written(LogLineEvents events, OperationalEvent event) {
    try (LogCapture logs = new LogCapture()) {
      events.emit(event);
      ILoggingEvent logged = logs.events().getLast();
      BridgeLogLayout layout = new BridgeLogLayout();
      layout.setStructured(true);
      return layout.doLayout(logged);
    }
  }
}
