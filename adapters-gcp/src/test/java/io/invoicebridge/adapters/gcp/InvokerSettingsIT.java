package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.RunTimeSettingsCases;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Cloud Functions jar (built with Micronaut AOT) under Google's invoker reads every setting
 * from the function's environment when it starts.
 */
class InvokerSettingsIT extends RunTimeSettingsCases {

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    Map<String, String> deployed = new LinkedHashMap<>(environment);
    deployed.put("K_SERVICE", "invoice-bridge");
    deployed.put("K_REVISION", "invoice-bridge-00001-abc");
    deployed.put("FUNCTION_TARGET", InvokerTarget.FUNCTION_TARGET);
    return InvokerTarget.startWithEnvironment(deployed, log);
  }

  @Override
  protected String name() {
    return "gcp-invoker";
  }
}
