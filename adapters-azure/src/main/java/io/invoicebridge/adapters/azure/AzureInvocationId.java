package io.invoicebridge.adapters.azure;

import com.microsoft.azure.functions.ExecutionContext;
import io.invoicebridge.logging.PlatformRequestId;
import io.micronaut.azure.function.http.AzureFunctionHttpRequest;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Azure invocation id, the id Application Insights shows for the execution, becomes the
 * correlation id. Micronaut's request keeps the invocation's {@link ExecutionContext}.
 */
@Singleton
final class AzureInvocationId implements PlatformRequestId {

  @Override
  public Optional<String> of(HttpRequest<?> request) {
    return request instanceof AzureFunctionHttpRequest<?> azure
        ? Optional.ofNullable(azure.getExecutionContext()).map(ExecutionContext::getInvocationId)
        : Optional.empty();
  }
}
