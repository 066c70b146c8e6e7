package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.AsDeployedCases;
import io.invoicebridge.conformance.deployed.Correlation;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shaded Lambda jar under AWS's own runtime interface client, fed function-URL events by a
 * stand-in of the Lambda Runtime API; the Lambda request id is the correlation id.
 */
class LambdaRuntimeAsDeployedIT extends AsDeployedCases {

  LambdaRuntimeAsDeployedIT() {
    super("aws-lambda-runtime", Correlation.requestId(LambdaRuntimeTarget.REQUEST_ID_HEADER));
  }

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    return LambdaRuntimeTarget.start(environment, log);
  }

  /** What terraform/modules/aws-function adds to the app's variables. */
  @Override
  protected Map<String, String> platformEnvironment() {
    return Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
  }

  /** LambdaRuntimeTarget sets AWS_LAMBDA_FUNCTION_NAME, as Lambda does. */
  @Override
  protected boolean embeddedMetricFormat() {
    return true;
  }
}
