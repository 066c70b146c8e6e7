package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.ConformanceSuite;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The conformance cases through the Lambda handler, as a function URL and as an HTTP API. */
class AwsConformanceTest {

  @Nested
  class FunctionUrl extends ConformanceSuite {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.FUNCTION_URL);
    }
  }

  @Nested
  class HttpApi extends ConformanceSuite {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.HTTP_API);
    }
  }
}
