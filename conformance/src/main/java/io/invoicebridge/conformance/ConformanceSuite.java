package io.invoicebridge.conformance;

import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The three case groups against one entry point: a cloud adapter's test class extends this and says
 * only how to start its entry point.
 */
public abstract class ConformanceSuite {

  /**
   * Starts the entry point with a group's settings (as {@link ConformanceTarget#start}); {@code
   * group} ({@code dry-run}, {@code against-freee} or {@code async}) names the group, for example
   * in a log file's name.
   */
  protected abstract HttpTarget start(Map<String, String> properties, String group)
      throws Exception;

  @Nested
  class DryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) throws Exception {
      return ConformanceSuite.this.start(properties, "dry-run");
    }
  }

  @Nested
  class AgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) throws Exception {
      return ConformanceSuite.this.start(properties, "against-freee");
    }
  }

  @Nested
  class Async extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) throws Exception {
      return ConformanceSuite.this.start(properties, "async");
    }
  }
}
