package io.invoicebridge.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch's Embedded Metric Format: the {@code _aws} member that makes CloudWatch Logs publish
 * the line's metric members as metrics, published by the service alone and by each of the event's
 * dimension sets (the service added), in namespace {@value #NAMESPACE}.
 */
final class EmbeddedMetricFormat {

  /** As {@code namespace} in ops/service.yaml. */
  static final String NAMESPACE = "InvoiceBridge";

  static final String SERVICE = "service";

  private EmbeddedMetricFormat() {}

  static Map<String, Object> block(EventLine line, long timestampMillis) {
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (Metric metric : line.metrics()) {
      metrics.add(Map.of("Name", metric.name(), "Unit", metric.unit()));
    }
    List<List<String>> dimensionSets = new ArrayList<>();
    dimensionSets.add(List.of(SERVICE));
    for (List<String> set : line.dimensions()) {
      List<String> withService = new ArrayList<>();
      withService.add(SERVICE);
      withService.addAll(set);
      dimensionSets.add(withService);
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", dimensionSets);
    directive.put("Metrics", metrics);
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("Timestamp", timestampMillis);
    block.put("CloudWatchMetrics", List.of(directive));
    return block;
  }
}
