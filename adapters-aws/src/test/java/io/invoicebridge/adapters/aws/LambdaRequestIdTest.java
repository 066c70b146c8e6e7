package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpCall;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LambdaRequestIdTest {

  private static LambdaTarget lambda;

  @BeforeAll
  static void start() {
    lambda =
        LambdaTarget.start(
            Map.of("bridge.run-token", ConformanceTarget.RUN_TOKEN, "bridge.freee-dry-run", "true"),
            LambdaTarget.FUNCTION_URL);
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  @Test
  void response_withoutCallerRequestId_echoesTheLambdaRequestId() {
    var answer = lambda.send(HttpCall.get("/health", Map.of()), "0d9f5e7c-lambda-request-1");

    assertEquals("0d9f5e7c-lambda-request-1", answer.header("X-Request-Id").orElse(""));
  }

  @Test
  void response_ofEachInvocation_carriesThatInvocationsId() {
    var first = lambda.send(HttpCall.get("/v1/invoices?key=a", Map.of()), "invocation-a");
    var second = lambda.send(HttpCall.get("/v1/invoices?key=a", Map.of()), "invocation-b");

    assertEquals("invocation-a", first.header("X-Request-Id").orElse(""));
    assertEquals("invocation-b", second.header("X-Request-Id").orElse(""));
  }
}
