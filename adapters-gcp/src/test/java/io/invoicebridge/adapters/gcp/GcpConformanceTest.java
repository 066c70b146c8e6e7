package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.ConformanceSuite;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;

/**
 * The conformance cases through {@code HttpFunction} in-process; the built jar under Google's own
 * invoker runs them in {@code InvokerConformanceIT}.
 */
class GcpConformanceTest extends ConformanceSuite {

  @Override
  protected HttpTarget start(Map<String, String> properties) {
    return FunctionTarget.start(properties);
  }
}
