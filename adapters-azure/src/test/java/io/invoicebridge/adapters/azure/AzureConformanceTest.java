package io.invoicebridge.adapters.azure;

import io.invoicebridge.conformance.ConformanceSuite;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;

/** The conformance cases through the Azure function class. */
class AzureConformanceTest extends ConformanceSuite {

  @Override
  protected HttpTarget start(Map<String, String> properties) {
    return AzureTarget.start(properties);
  }
}
