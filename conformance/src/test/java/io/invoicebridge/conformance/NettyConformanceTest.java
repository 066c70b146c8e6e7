package io.invoicebridge.conformance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The reference entry point: the app on its local Netty server, over real HTTP. Every exchange of
 * every case must also match the API's OpenAPI description (docs/openapi.yml).
 */
class NettyConformanceTest {

  static HttpTarget startNetty(Map<String, String> properties) {
    Map<String, Object> settings = new HashMap<>(properties);
    settings.put("micronaut.server.port", -1);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
    return new DescribedTarget(
        new JdkHttpTarget(server.getURI(), server::close), ApiDescription.committed());
  }

  @Nested
  class DryRun extends DryRunConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return startNetty(properties);
    }
  }

  @Nested
  class AgainstFreee extends FreeeConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return startNetty(properties);
    }
  }

  @Nested
  class Async extends AsyncConformanceCases {
    @Override
    protected HttpTarget start(Map<String, String> properties) {
      return startNetty(properties);
    }
  }
}
