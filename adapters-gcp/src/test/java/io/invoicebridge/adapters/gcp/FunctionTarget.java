package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.gcp.function.http.GoogleHttpResponse;
import io.micronaut.gcp.function.http.HttpFunction;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code HttpFunction} in-process: each call becomes a Functions Framework request handed to the
 * function's {@code service(HttpRequest, HttpResponse)}, through Micronaut's own {@code invoke}.
 */
final class FunctionTarget implements HttpTarget {

  private final HttpFunction function;

  private FunctionTarget(HttpFunction function) {
    this.function = function;
  }

  static FunctionTarget start(Map<String, String> properties) {
    ApplicationContext context =
        ApplicationContext.builder(Environment.FUNCTION, Environment.GOOGLE_COMPUTE)
            .properties(new HashMap<>(properties))
            .start();
    return new FunctionTarget(new HttpFunction(context));
  }

  @Override
  public HttpAnswer send(HttpCall call) {
    MutableHttpRequest<byte[]> request =
        HttpRequest.<byte[]>create(HttpMethod.parse(call.method()), call.target())
            .body(call.body());
    call.headers().forEach(request::header);
    GoogleHttpResponse response = function.invoke(request);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.getHttpHeaders().forEach(headers::put);
    return new HttpAnswer(response.getStatusCode(), headers, response.getBodyAsBytes());
  }

  @Override
  public void close() {
    function.close();
  }
}
