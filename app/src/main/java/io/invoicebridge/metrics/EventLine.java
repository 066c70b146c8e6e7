package io.invoicebridge.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one event writes: its name, its line's members in order, the sets of field names its metrics
 * are also published by, and the metrics it carries. A field or metric whose value is unknown this
 * time (null) is left out.
 */
public final class EventLine {

  private final String name;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<List<String>> dimensions = new ArrayList<>();
  private final List<Metric> metrics = new ArrayList<>();

  private EventLine(String name) {
    this.name = name;
  }

  /** The line of the event the specification ({@code ops/service.yaml}) names {@code name}. */
  static EventLine named(String name) {
    return new EventLine(name);
  }

  EventLine field(String fieldName, Object value) {
    if (value != null) {
      fields.put(fieldName, value);
    }
    return this;
  }

  /** The metrics are also published split by these fields (the service is always added). */
  EventLine dimension(String... fieldNames) {
    dimensions.add(List.of(fieldNames));
    return this;
  }

  EventLine metric(Metric metric) {
    metrics.add(metric);
    return this;
  }

  /**
   * @param unit a CloudWatch unit, as in {@link Metric}
   */
  EventLine metric(String metricName, String unit, Number value) {
    return value == null ? this : metric(new Metric(metricName, unit, value));
  }

  /** The {@code event} member of the line, as named in the specification. */
  public String name() {
    return name;
  }

  public Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  public List<List<String>> dimensions() {
    return Collections.unmodifiableList(dimensions);
  }

  public List<Metric> metrics() {
    return Collections.unmodifiableList(metrics);
  }
}
