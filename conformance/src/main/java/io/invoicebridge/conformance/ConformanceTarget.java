package io.invoicebridge.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts one entry point with the group's settings before its cases and stops it after. A cloud
 * adapter subclasses a case group and says only how to start its entry point.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceTarget {

  /** At least RunToken.MIN_LENGTH (32) characters, as the app demands. */
  public static final String RUN_TOKEN = "conformance-run-token-0123456789abcdef";

  /** Small on purpose, so 413 needs only a few items. */
  public static final int MAX_BATCH_SIZE = 3;

  protected HttpTarget target;
  private final List<AutoCloseable> closedAfterAll = new ArrayList<>();

  /**
   * Starts the entry point with these settings (Micronaut property names, for example {@code
   * bridge.run-token}); the in-process targets pass them as properties, process targets as system
   * properties.
   */
  protected abstract HttpTarget start(Map<String, String> properties) throws Exception;

  /** The settings of this case group. */
  protected abstract Map<String, String> settings();

  @BeforeAll
  void startTarget() throws Exception {
    target = start(settings());
  }

  @AfterAll
  void stopTarget() throws Exception {
    if (target != null) {
      target.close();
    }
    for (AutoCloseable resource : closedAfterAll) {
      resource.close();
    }
  }

  /**
   * Closes {@code resource} (a fake freee, a callback receiver the group's settings point at) after
   * the group's cases, once the entry point is stopped.
   */
  protected <T extends AutoCloseable> T closedAfterAll(T resource) {
    closedAfterAll.add(resource);
    return resource;
  }

  protected static Map<String, String> commonSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bridge.run-token", RUN_TOKEN);
    settings.put("bridge.max-batch-size", Integer.toString(MAX_BATCH_SIZE));
    return settings;
  }

  protected HttpAnswer send(HttpCall call) {
    return target.send(call);
  }

  protected static Map<String, String> authorized(String... nameValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + RUN_TOKEN);
    headers.put("Accept", "application/json");
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      headers.put(nameValues[i], nameValues[i + 1]);
    }
    return headers;
  }

  protected static Map<String, String> json(Map<String, String> headers) {
    Map<String, String> withType = new LinkedHashMap<>(headers);
    withType.put("Content-Type", "application/json");
    return withType;
  }
}
