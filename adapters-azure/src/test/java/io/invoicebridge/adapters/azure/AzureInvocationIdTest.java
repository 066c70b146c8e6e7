package io.invoicebridge.adapters.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpCall;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AzureInvocationIdTest {

  private static AzureTarget azure;

  @BeforeAll
  static void start() {
    azure =
        AzureTarget.start(
            Map.of(
                "bridge.run-token", ConformanceTarget.RUN_TOKEN, "bridge.freee-dry-run", "true"));
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void response_withoutCallerRequestId_echoesTheInvocationId() {
    var answer = azure.send(HttpCall.get("/health", Map.of()), "5e2b8f0c-azure-invocation-1");

    assertEquals("5e2b8f0c-azure-invocation-1", answer.header("X-Request-Id").orElse(""));
  }

  @Test
  void refusedRequest_echoesTheInvocationIdToo() {
    var answer = azure.send(HttpCall.get("/v1/invoices?key=a", Map.of()), "azure-invocation-2");

    assertEquals(401, answer.status());
    assertEquals("azure-invocation-2", answer.header("X-Request-Id").orElse(""));
  }
}
