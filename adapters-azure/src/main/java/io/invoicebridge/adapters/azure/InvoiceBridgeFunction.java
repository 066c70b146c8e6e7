package io.invoicebridge.adapters.azure;

import static com.microsoft.azure.functions.HttpMethod.CONNECT;
import static com.microsoft.azure.functions.HttpMethod.DELETE;
import static com.microsoft.azure.functions.HttpMethod.GET;
import static com.microsoft.azure.functions.HttpMethod.HEAD;
import static com.microsoft.azure.functions.HttpMethod.OPTIONS;
import static com.microsoft.azure.functions.HttpMethod.PATCH;
import static com.microsoft.azure.functions.HttpMethod.POST;
import static com.microsoft.azure.functions.HttpMethod.PUT;
import static com.microsoft.azure.functions.HttpMethod.TRACE;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import io.micronaut.azure.function.http.AzureHttpFunction;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.Optional;

/**
 * The one Azure function: every method and every path (host.json removes the {@code /api} prefix)
 * goes to the app's router. Anonymous, because the app itself checks {@code RUN_TOKEN}.
 */
public class InvoiceBridgeFunction extends AzureHttpFunction {

  /** The Functions host creates the function with this constructor. */
  public InvoiceBridgeFunction() {}

  /** Starts the function with a context of the caller's making (tests, benchmarks). */
  public InvoiceBridgeFunction(ApplicationContextBuilder context) {
    super(context);
  }

  @FunctionName("invoice-bridge")
  public HttpResponseMessage invoke(
      @HttpTrigger(
              name = "request",
              route = "{*route}",
              authLevel = AuthorizationLevel.ANONYMOUS,
              methods = {GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT})
          HttpRequestMessage<Optional<String>> request,
      ExecutionContext context) {
    return route(request, context);
  }
}
