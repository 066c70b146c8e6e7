package io.invoicebridge.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The bridge's logging, set up in code when logback starts (found by logback as a service): one
 * console appender with {@link BridgeLogLayout}, Netty, Lettuce and Micronaut at WARN. In code
 * rather than a logback.xml, so no entry point parses XML at startup: logback's XML configuration
 * (its Joran model and the JDK's XML parser) loaded about 450 classes at every cold start.
 *
 * <p>It reads its variables itself, where the XML's substitutions read them (a system property of
 * the name, else the environment variable): logback starts before the application's configuration
 * exists. {@code ENABLE_STRUCTURED_LOGGING} ({@code true}, in any case and with surrounding
 * whitespace, as the startup validation accepts it) selects JSON lines, a non-empty {@code
 * K_SERVICE} (set by Google's runtimes) Google's field names, and {@code LOG_LEVEL} the root level
 * (INFO when unset or not a level).
 */
public final class BridgeLogConfigurator extends ContextAwareBase implements Configurator {

  private final UnaryOperator<String> variables;

  /** What logback's service loader calls: the JVM's system properties, then its environment. */
  public BridgeLogConfigurator() {
    this(name -> System.getProperty(name, System.getenv(name)));
  }

  BridgeLogConfigurator(UnaryOperator<String> variables) {
    this.variables = variables;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    BridgeLogLayout layout = new BridgeLogLayout();
    layout.setContext(context);
    layout.setStructured("true".equals(variable("ENABLE_STRUCTURED_LOGGING")));
    layout.setGoogleCloudService(variable("K_SERVICE"));
    layout.start();

    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(variable("LOG_LEVEL"), Level.INFO));
    root.addAppender(console);
    for (String quiet : new String[] {"io.netty", "io.lettuce", "io.micronaut"}) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The variable trimmed and in lower case; empty when unset. */
  private String variable(String name) {
    String value = variables.apply(name);
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
