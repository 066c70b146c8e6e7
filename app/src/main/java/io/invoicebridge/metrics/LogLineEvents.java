package io.invoicebridge.metrics;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.logging.StructuredFields;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event as one log line before returning: {@code event}, {@code service}, the event's
 * fields and one member per metric, plus CloudWatch's Embedded Metric Format block on Lambda when
 * lines are structured. Google's log-based metrics and Azure's queries read the same members.
 */
@Singleton
public class LogLineEvents implements OperationalEvents {

  /** Every event line comes from this logger. */
  public static final String LOGGER = "io.invoicebridge.events";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final String service;
  private final boolean embeddedMetrics;
  private final Clock clock;

  @Inject
  public LogLineEvents(OperationsSettings settings, BridgeConfig config, Clock clock) {
    this(settings, config.structuredLogging(), clock);
  }

  LogLineEvents(OperationsSettings settings, boolean structuredLines, Clock clock) {
    this.service = settings.service();
    this.embeddedMetrics = settings.cloudWatch() && structuredLines;
    this.clock = clock;
  }

  @Override
  public void emit(OperationalEvent event) {
    try {
      EventLine line = event.line();
      LOG.info("event {}", line.name(), new StructuredFields(members(line)));
    } catch (RuntimeException e) {
      LOG.warn(
          "could not write event {}: {}",
          event.getClass().getSimpleName(),
          e.getClass().getSimpleName());
    }
  }

  private Map<String, Object> members(EventLine line) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("event", line.name());
    members.put(EmbeddedMetricFormat.SERVICE, service);
    members.putAll(line.fields());
    line.metrics().forEach(metric -> members.put(metric.name(), metric.value()));
    if (embeddedMetrics && !line.metrics().isEmpty()) {
      members.put("_aws", EmbeddedMetricFormat.block(line, clock.millis()));
    }
    return members;
  }
}
