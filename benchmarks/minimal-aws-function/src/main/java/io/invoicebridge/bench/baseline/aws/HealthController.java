package io.invoicebridge.bench.baseline.aws;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The minimal function's only endpoint: 200 on {@code GET /health}. */
@Controller
public class HealthController {

  @Get("/health")
  public HttpResponse<String> health() {
    return HttpResponse.ok("{\"status\":\"UP\"}");
  }
}
