package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.AsyncConformanceCases;
import io.invoicebridge.conformance.DryRunConformanceCases;
import io.invoicebridge.conformance.FreeeConformanceCases;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The conformance cases through {@code HttpFunction} in-process; the built jar under Google's own
 * invoker runs them in {@code InvokerConformanceIT}.
 */
class GcpConformanceTest {

  @Nested
  class DryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return FunctionTarget.start(properties);
    }
  }

  @Nested
  class AgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return FunctionTarget.start(properties);
    }
  }

  @Nested
  class Async extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return FunctionTarget.start(properties);
    }
  }
}
