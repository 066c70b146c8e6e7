package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.AsDeployedCases;
import io.invoicebridge.conformance.deployed.Correlation;
import java.nio.file.Path;
import java.util.Map;

/**
 * The deploy jar under Google's Functions Framework invoker, configured as Cloud Functions gen2
 * configures it: the stack's variables (secrets arrive as environment variables too) and the
 * variables Cloud Run sets itself; Google's front end adds {@code X-Cloud-Trace-Context}.
 */
class InvokerAsDeployedIT extends AsDeployedCases {

  InvokerAsDeployedIT() {
    super("gcp-invoker", Correlation.traceId("X-Cloud-Trace-Context", id -> id + "/1;o=1"));
  }

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    return InvokerTarget.startWithEnvironment(environment, log);
  }

  @Override
  protected Map<String, String> platformEnvironment() {
    return Map.of(
        "K_SERVICE", "invoice-bridge",
        "K_REVISION", "invoice-bridge-00001-abc",
        "K_CONFIGURATION", "invoice-bridge",
        "FUNCTION_TARGET", InvokerTarget.FUNCTION_TARGET,
        "GOOGLE_CLOUD_PROJECT", "demo-project");
  }
}
