package io.invoicebridge.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeLogLayoutTest {

  @Test
  void doLayout_structured_writesOneJsonObjectWithItemFields() throws IOException {
    BridgeLogLayout layout = layout(true, "");

    String line =
        layout.doLayout(
            event(
                Level.INFO,
                "item \"created\"\nnext",
                Map.of(
                    LogFields.CORRELATION_ID,
                    "abc",
                    LogFields.KEY,
                    "2026-11/請求/1",
                    LogFields.STATUS,
                    "created")));

    assertTrue(line.endsWith("\n"));
    assertEquals(1, line.strip().lines().count());
    JsonNode json = JsonMapper.createDefault().readValue(line, JsonNode.class);
    assertEquals("INFO", json.get("level").getStringValue());
    assertEquals("item \"created\"\nnext", json.get("message").getStringValue());
    assertEquals("2026-11/請求/1", json.get("key").getStringValue());
    assertEquals("abc", json.get("correlation_id").getStringValue());
  }

  @Test
  void doLayout_onGoogleCloud_usesSeverityAndTraceField() throws IOException {
    BridgeLogLayout layout = layout(true, "invoice-bridge");

    String line =
        layout.doLayout(
            event(Level.WARN, "slow", Map.of(LogFields.GOOGLE_TRACE, "projects/p/traces/t")));

    JsonNode json = JsonMapper.createDefault().readValue(line, JsonNode.class);
    assertEquals("WARNING", json.get("severity").getStringValue());
    assertEquals("projects/p/traces/t", json.get("logging.googleapis.com/trace").getStringValue());
  }

  @Test
  void doLayout_plain_isReadableWithFieldsAppended() {
    String line =
        layout(false, "").doLayout(event(Level.INFO, "item created", Map.of(LogFields.KEY, "k1")));

    assertTrue(line.contains("INFO BridgeLogLayoutTest - item created key=k1"), line);
  }

  private static BridgeLogLayout layout(boolean structured, String googleService) {
    BridgeLogLayout layout = new BridgeLogLayout();
    layout.setStructured(structured);
    layout.setGoogleCloudService(googleService);
    layout.setContext(new LoggerContext());
    layout.start();
    return layout;
  }

  private static LoggingEvent event(Level level, String message, Map<String, String> mdc) {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            BridgeLogLayoutTest.class.getName(),
            context.getLogger(BridgeLogLayoutTest.class),
            level,
            message,
            null,
            null);
    event.setMDCPropertyMap(mdc);
    return event;
  }
}
