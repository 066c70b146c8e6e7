package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.AsyncConformanceCases;
import io.invoicebridge.conformance.DryRunConformanceCases;
import io.invoicebridge.conformance.FreeeConformanceCases;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The conformance cases through the built jar under Google's Functions Framework invoker. */
class InvokerConformanceIT {

  @Nested
  class DryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return InvokerTarget.start(properties, InvokerTarget.logFile("dry-run"));
    }
  }

  @Nested
  class AgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return InvokerTarget.start(properties, InvokerTarget.logFile("against-freee"));
    }
  }

  @Nested
  class Async extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return InvokerTarget.start(properties, InvokerTarget.logFile("async"));
    }
  }
}
