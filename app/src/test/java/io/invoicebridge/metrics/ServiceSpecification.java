package io.invoicebridge.metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The repository's ops/service.yaml as the tests read it. */
record ServiceSpecification(String namespace, Map<String, Event> events) {

  /** One event: field name to type ({@code string}, {@code number}), dimension sets, metrics. */
  record Event(
      Map<String, String> fields, List<List<String>> dimensions, Map<String, MetricSpec> metrics) {}

  /** A metric's unit and value: {@code "1"} or the name of the field holding it. */
  record MetricSpec(String unit, String value) {}

  /** Maven runs the app's tests in app/, so the specification is one directory up. */
  static ServiceSpecification load() {
    Path file = Path.of("..", "ops", "service.yaml");
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> root = new Yaml().load(reader);
      return new ServiceSpecification((String) root.get("namespace"), events(root));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file.toAbsolutePath(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Event> events(Map<String, Object> root) {
    Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) root.get("events");
    Map<String, Event> parsed = new java.util.LinkedHashMap<>();
    events.forEach(
        (name, event) -> {
          Map<String, MetricSpec> metrics = new java.util.LinkedHashMap<>();
          ((Map<String, Map<String, Object>>) event.get("metrics"))
              .forEach(
                  (metric, spec) ->
                      metrics.put(
                          metric,
                          new MetricSpec(
                              String.valueOf(spec.get("unit")),
                              String.valueOf(spec.get("value")))));
          parsed.put(
              name,
              new Event(
                  (Map<String, String>) event.get("fields"),
                  (List<List<String>>) event.get("dimensions"),
                  metrics));
        });
    return parsed;
  }
}
