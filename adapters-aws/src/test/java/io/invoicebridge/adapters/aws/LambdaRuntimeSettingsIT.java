package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.RunTimeSettingsCases;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda deployment package (built with Micronaut AOT) under AWS's runtime interface client
 * reads every setting from Lambda's environment when it starts.
 */
class LambdaRuntimeSettingsIT extends RunTimeSettingsCases {

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    Map<String, String> deployed = new LinkedHashMap<>(environment);
    deployed.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    return LambdaRuntimeTarget.start(deployed, log);
  }

  @Override
  protected String name() {
    return "aws-lambda-runtime";
  }
}
