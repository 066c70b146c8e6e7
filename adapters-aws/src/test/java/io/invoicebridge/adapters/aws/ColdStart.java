package io.invoicebridge.adapters.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/**
 * For scripts/cold-start.sh: what a fresh Lambda instance does before its first answer, which is to
 * construct the handler (as the runtime does, from the environment) and serve one function URL
 * event. Exits 0 when {@code GET /health} answered 200.
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("$default")
            .withRawPath("/health")
            .withRawQueryString("")
            .withHeaders(Map.of("host", "example.lambda-url.ap-northeast-1.on.aws"))
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRequestId("cold-start")
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("GET")
                            .withPath("/health")
                            .withProtocol("HTTP/1.1")
                            .build())
                    .build())
            .build();
    int status =
        new InvoiceBridgeHandler()
            .handleRequest(event, new InvocationContext("cold-start"))
            .getStatusCode();
    System.out.println("status " + status);
    System.exit(status == 200 ? 0 : 1);
  }
}
