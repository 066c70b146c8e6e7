package io.invoicebridge.metrics;

/**
 * One metric value of an event line.
 *
 * @param name the metric's name in the specification, also the line's member holding the value
 * @param unit a CloudWatch unit: {@code Count}, {@code Milliseconds}, {@code Percent}, {@code None}
 */
public record Metric(String name, String unit, Number value) {

  /** One occurrence: the line counts once. */
  static Metric count(String name) {
    return new Metric(name, "Count", 1);
  }

  static Metric millis(String name, long value) {
    return new Metric(name, "Milliseconds", value);
  }
}
