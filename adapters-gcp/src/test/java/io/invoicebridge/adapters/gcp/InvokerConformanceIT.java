package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.ConformanceSuite;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;

/** The conformance cases through the built jar under Google's Functions Framework invoker. */
class InvokerConformanceIT extends ConformanceSuite {

  @Override
  protected HttpTarget start(Map<String, String> properties, String group) {
    return InvokerTarget.start(properties, InvokerTarget.logFile(group));
  }
}
