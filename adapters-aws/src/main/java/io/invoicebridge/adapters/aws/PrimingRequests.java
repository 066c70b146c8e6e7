package io.invoicebridge.adapters.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.value.PropertyResolver;
import java.util.List;
import java.util.Map;

/**
 * The function-URL events SnapStart priming serves. Each is answered without side effects in every
 * mode (dry run or not, Redis or not): a batch whose one item fails validation (authorization, body
 * reading, JSON, validation and problem+json; 422 before any store or freee is touched), and the
 * liveness probe (its one check reads the configuration; it touches no dependency).
 */
final class PrimingRequests {

  private static final String HOST = "snapstart-priming.lambda-url.invalid";

  private PrimingRequests() {}

  /** The run token is read from the configuration the instance already holds; none is kept. */
  static List<APIGatewayV2HTTPEvent> events(PropertyResolver configuration) {
    String token = configuration.get("bridge.run-token", String.class).orElse("");
    return List.of(
        event(
            "POST",
            "/v1/invoices/batch",
            Map.of(
                "authorization",
                "Bearer " + token,
                "content-type",
                "application/json",
                "host",
                HOST),
            "{\"invoices\":[{}]}"),
        event("GET", "/health/liveness", Map.of("host", HOST), null));
  }

  private static APIGatewayV2HTTPEvent event(
      String method, String path, Map<String, String> headers, String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("snapstart-priming")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .build())
                .build())
        .build();
  }
}
