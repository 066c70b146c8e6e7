package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.AsyncConformanceCases;
import io.invoicebridge.conformance.DryRunConformanceCases;
import io.invoicebridge.conformance.FreeeConformanceCases;
import io.invoicebridge.conformance.HttpTarget;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The conformance cases through the Lambda handler, as a function URL and as an HTTP API. Not a
 * {@code ConformanceSuite}: its groups are classes of that suite, so both front doors' cases would
 * be reported under the same class names and a failure would not say which front door failed.
 */
class AwsConformanceTest {

  @Nested
  class FunctionUrlDryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.FUNCTION_URL);
    }
  }

  @Nested
  class HttpApiDryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.HTTP_API);
    }
  }

  @Nested
  class FunctionUrlAgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.FUNCTION_URL);
    }
  }

  @Nested
  class HttpApiAgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.HTTP_API);
    }
  }

  @Nested
  class FunctionUrlAsync extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.FUNCTION_URL);
    }
  }

  @Nested
  class HttpApiAsync extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return LambdaTarget.start(properties, LambdaTarget.HTTP_API);
    }
  }
}
