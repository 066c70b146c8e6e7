package io.invoicebridge.logging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeLogConfiguratorTest {

  @Test
  void configure_nothingSet_readableLinesAtInfoAndLibrariesAtWarn() {
    LoggerContext context = configured(Map.of());

    String line = line(context, "started");

    assertAll(
        () -> assertFalse(line.startsWith("{"), line),
        () -> assertTrue(line.contains("started"), line),
        () -> assertEquals(Level.INFO, root(context).getLevel()),
        () -> assertEquals(Level.WARN, context.getLogger("io.netty").getLevel()),
        () -> assertEquals(Level.WARN, context.getLogger("io.lettuce").getLevel()),
        () -> assertEquals(Level.WARN, context.getLogger("io.micronaut").getLevel()));
  }

  @Test
  void configure_structuredLoggingSetAsTheValidationAcceptsIt_writesJsonLines() {
    LoggerContext context = configured(Map.of("ENABLE_STRUCTURED_LOGGING", " TRUE "));

    String line = line(context, "started");

    assertAll(
        () -> assertTrue(line.startsWith("{\"timestamp\""), line),
        () -> assertTrue(line.contains("\"level\":\"INFO\""), line));
  }

  @Test
  void configure_onGoogleCloud_writesGoogleFieldNames() {
    LoggerContext context =
        configured(Map.of("ENABLE_STRUCTURED_LOGGING", "true", "K_SERVICE", "invoice-bridge"));

    String line = line(context, "started");

    assertTrue(line.contains("\"severity\":\"INFO\""), line);
  }

  @Test
  void configure_structuredLoggingAsSystemProperty_writesJsonLines() {
    System.setProperty("ENABLE_STRUCTURED_LOGGING", "true");
    try {
      LoggerContext context = new LoggerContext();
      BridgeLogConfigurator configurator = new BridgeLogConfigurator();
      configurator.setContext(context);
      configurator.configure(context);

      assertTrue(line(context, "started").startsWith("{"));
    } finally {
      System.clearProperty("ENABLE_STRUCTURED_LOGGING");
    }
  }

  @Test
  void configure_logLevelSet_rootAtThatLevel() {
    assertEquals(Level.DEBUG, root(configured(Map.of("LOG_LEVEL", "debug"))).getLevel());
  }

  @Test
  void configure_logLevelNotALevel_rootAtInfo() {
    assertEquals(Level.INFO, root(configured(Map.of("LOG_LEVEL", "loud"))).getLevel());
  }

  @Test
  void configure_always_leavesNoOtherConfiguratorToRun() {
    LoggerContext context = new LoggerContext();
    BridgeLogConfigurator configurator = new BridgeLogConfigurator(name -> null);
    configurator.setContext(context);

    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
  }

  private static LoggerContext configured(Map<String, String> environment) {
    LoggerContext context = new LoggerContext();
    BridgeLogConfigurator configurator = new BridgeLogConfigurator(environment::get);
    configurator.setContext(context);
    configurator.configure(context);
    return context;
  }

  private static Logger root(LoggerContext context) {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  /** What the console appender writes for an INFO event of the root logger. */
  private static String line(LoggerContext context, String message) {
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>) root(context).getAppender("STDOUT");
    LayoutWrappingEncoder<ILoggingEvent> encoder =
        (LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder();
    LoggingEvent event =
        new LoggingEvent(
            BridgeLogConfiguratorTest.class.getName(),
            context.getLogger(BridgeLogConfiguratorTest.class),
            Level.INFO,
            message,
            null,
            null);
    event.setMDCPropertyMap(Map.of());
    return encoder.getLayout().doLayout(event);
  }
}
