package io.invoicebridge.conformance;

import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * Every case group through one entry point: a cloud adapter's test extends this and says only how
 * to start its entry point; each group starts it once with its own settings.
 */
public abstract class ConformanceSuite {

  /** Starts the entry point with these settings, as {@link ConformanceTarget#start} does. */
  protected abstract HttpTarget start(Map<String, String> properties) throws Exception;

  @Nested
  class DryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) throws Exception {
      return ConformanceSuite.this.start(properties);
    }
  }

  @Nested
  class AgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) throws Exception {
      return ConformanceSuite.this.start(properties);
    }
  }

  @Nested
  class Async extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) throws Exception {
      return ConformanceSuite.this.start(properties);
    }
  }
}
