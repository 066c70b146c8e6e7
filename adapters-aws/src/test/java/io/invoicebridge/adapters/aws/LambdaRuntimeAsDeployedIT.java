package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.AsDeployedCases;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The shaded Lambda jar under AWS's own runtime interface client, fed function-URL events by a
 * stand-in of the Lambda Runtime API; the Lambda request id is the correlation id.
 */
class LambdaRuntimeAsDeployedIT extends AsDeployedCases {

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    return LambdaRuntimeTarget.start(environment, log);
  }

  /** What terraform/modules/aws-function adds to the app's variables. */
  @Override
  protected Map<String, String> platformEnvironment() {
    return Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
  }

  @Override
  protected HttpCall correlated(HttpCall call, String id) {
    return withHeader(call, LambdaRuntimeTarget.REQUEST_ID_HEADER, id);
  }

  @Override
  protected String newCorrelationId() {
    return UUID.randomUUID().toString();
  }

  /** LambdaRuntimeTarget sets AWS_LAMBDA_FUNCTION_NAME, as Lambda does. */
  @Override
  protected boolean embeddedMetricFormat() {
    return true;
  }

  @Override
  protected String name() {
    return "aws-lambda-runtime";
  }
}
