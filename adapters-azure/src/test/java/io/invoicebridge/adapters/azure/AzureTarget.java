package io.invoicebridge.adapters.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.micronaut.azure.function.AzureFunction;
import io.micronaut.azure.function.http.HttpRequestMessageBuilder;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The function class in-process, given requests as the Functions host gives them: a {@code
 * HttpRequestMessage} with a text body and an {@code ExecutionContext}. Closing it closes the
 * application context that {@code AzureHttpFunction} keeps in a static field.
 */
final class AzureTarget implements HttpTarget {

  private final InvoiceBridgeFunction function;

  private AzureTarget(InvoiceBridgeFunction function) {
    this.function = function;
  }

  static AzureTarget start(Map<String, String> properties) {
    return new AzureTarget(
        new InvoiceBridgeFunction(
            AzureFunction.defaultApplicationContextBuilder()
                .properties(new HashMap<>(properties))));
  }

  /** The function with the conformance run token, freee in dry run. */
  static AzureTarget startDryRun() {
    return start(
        Map.of("bridge.run-token", ConformanceTarget.RUN_TOKEN, "bridge.freee-dry-run", "true"));
  }

  /** The function class itself, for its other triggers. */
  InvoiceBridgeFunction function() {
    return function;
  }

  @Override
  public HttpAnswer send(HttpCall call) {
    return send(call, UUID.randomUUID().toString());
  }

  HttpAnswer send(HttpCall call, String invocationId) {
    HttpRequestMessageBuilder<?> request =
        function.request(HttpMethod.parse(call.method()), call.target());
    call.headers().forEach(request::header);
    call.queryParameters()
        .forEach((name, values) -> request.parameter(name, String.join(",", values)));
    if (call.body().length > 0) {
      request.body(new String(call.body(), StandardCharsets.UTF_8));
    }
    HttpRequestMessage<Optional<String>> message = request.buildEncoded();
    HttpResponseMessage response = function.invoke(message, new Invocation(invocationId));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    ((HttpHeaders) response).forEach(headers::put);
    return new HttpAnswer(response.getStatusCode(), headers, bytes(response.getBody()));
  }

  @Override
  public void close() {
    function.close();
  }

  private static byte[] bytes(Object body) {
    return switch (body) {
      case null -> new byte[0];
      case byte[] raw -> raw;
      default -> body.toString().getBytes(StandardCharsets.UTF_8);
    };
  }
}
