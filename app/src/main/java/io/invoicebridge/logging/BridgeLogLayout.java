package io.invoicebridge.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * One log line per event: a JSON object when structured, with the field names the cloud's log
 * service understands ({@code severity} and {@code logging.googleapis.com/trace} on Google Cloud,
 * {@code level} elsewhere); otherwise a readable line. Messages never carry tokens or invoice
 * bodies (callers log keys and ids only), so nothing is filtered here.
 */
public class BridgeLogLayout extends LayoutBase<ILoggingEvent> {

  private boolean structured;
  private boolean googleCloud;

  public void setStructured(boolean structured) {
    this.structured = structured;
  }

  /** Any non-empty value (Google sets {@code K_SERVICE}) selects Google's field names. */
  public void setGoogleCloudService(String service) {
    this.googleCloud = service != null && !service.isBlank();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    return (structured ? json(event) : plain(event)) + CoreConstants.LINE_SEPARATOR;
  }

  private String json(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(256).append('{');
    field(line, "timestamp", DateTimeFormatter.ISO_INSTANT.format(event.getInstant()));
    field(line, googleCloud ? "severity" : "level", severity(event));
    field(line, "logger", event.getLoggerName());
    field(line, "message", event.getFormattedMessage());
    StructuredFields typed = typedFields(event);
    for (Map.Entry<String, String> entry : new TreeMap<>(event.getMDCPropertyMap()).entrySet()) {
      String name = entry.getKey();
      if (typed != null && typed.members().containsKey(name)) {
        continue;
      }
      if (LogFields.GOOGLE_TRACE.equals(name)) {
        name = googleCloud ? "logging.googleapis.com/trace" : "trace";
      }
      field(line, name, entry.getValue());
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      field(line, "error", error.getClassName() + ": " + error.getMessage());
    }
    if (typed != null && !typed.members().isEmpty()) {
      line.append(typed.jsonMembers()).append(',');
    }
    line.setLength(line.length() - 1);
    return line.append('}').toString();
  }

  private String plain(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(160)
            .append(
                DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(event.getTimeStamp())))
            .append(' ')
            .append(event.getLevel())
            .append(' ')
            .append(shortName(event.getLoggerName()))
            .append(" - ")
            .append(event.getFormattedMessage());
    new TreeMap<>(event.getMDCPropertyMap())
        .forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.append(" error=").append(error.getClassName()).append(": ").append(error.getMessage());
    }
    StructuredFields typed = typedFields(event);
    if (typed != null) {
      line.append(typed.plainPairs());
    }
    return line.toString();
  }

  /** The {@link StructuredFields} passed as the log call's last argument, if any. */
  private static StructuredFields typedFields(ILoggingEvent event) {
    Object[] arguments = event.getArgumentArray();
    if (arguments != null
        && arguments.length > 0
        && arguments[arguments.length - 1] instanceof StructuredFields fields) {
      return fields;
    }
    return null;
  }

  private static String severity(ILoggingEvent event) {
    return switch (event.getLevel().toInt()) {
      case ch.qos.logback.classic.Level.ERROR_INT -> "ERROR";
      case ch.qos.logback.classic.Level.WARN_INT -> "WARNING";
      case ch.qos.logback.classic.Level.INFO_INT -> "INFO";
      default -> "DEBUG";
    };
  }

  private static String shortName(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }

  private static void field(StringBuilder line, String name, String value) {
    line.append('"').append(escape(name)).append("\":\"").append(escape(value)).append("\",");
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
