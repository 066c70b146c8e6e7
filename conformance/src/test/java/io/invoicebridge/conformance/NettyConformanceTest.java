package io.invoicebridge.conformance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference entry point: the app on its local Netty server, over real HTTP. Every exchange of
 * every case must also match the API's OpenAPI description (docs/openapi.yml).
 */
class NettyConformanceTest extends ConformanceSuite {

  @Override
  protected HttpTarget start(Map<String, String> properties) {
    Map<String, Object> settings = new HashMap<>(properties);
    settings.put("micronaut.server.port", -1);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
    return new DescribedTarget(
        new JdkHttpTarget(server.getURI(), server::close), ApiDescription.committed());
  }
}
