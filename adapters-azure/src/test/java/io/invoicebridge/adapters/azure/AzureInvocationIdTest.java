package io.invoicebridge.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.TargetPerClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzureInvocationIdTest {

  @RegisterExtension
  static final TargetPerClass<AzureTarget> azure = new TargetPerClass<>(AzureTarget::startDryRun);

  @Test
  void response_withoutCallerRequestId_echoesTheInvocationId() {
    var answer = azure.get().send(HttpCall.get("/health", Map.of()), "5e2b8f0c-azure-invocation-1");

    assertEquals("5e2b8f0c-azure-invocation-1", answer.header("X-Request-Id").orElse(""));
  }

  @Test
  void refusedRequest_echoesTheInvocationIdToo() {
    var answer =
        azure.get().send(HttpCall.get("/v1/invoices?key=a", Map.of()), "azure-invocation-2");

    assertEquals(401, answer.status());
    assertEquals("azure-invocation-2", answer.header("X-Request-Id").orElse(""));
  }
}
