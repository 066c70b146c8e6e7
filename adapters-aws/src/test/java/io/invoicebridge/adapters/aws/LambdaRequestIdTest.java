package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.TargetPerClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LambdaRequestIdTest {

  @RegisterExtension
  static final TargetPerClass<LambdaTarget> lambda =
      new TargetPerClass<>(LambdaTarget::startDryRun);

  @Test
  void response_withoutCallerRequestId_echoesTheLambdaRequestId() {
    var answer = lambda.get().send(HttpCall.get("/health", Map.of()), "0d9f5e7c-lambda-request-1");

    assertEquals("0d9f5e7c-lambda-request-1", answer.header("X-Request-Id").orElse(""));
  }

  @Test
  void response_ofEachInvocation_carriesThatInvocationsId() {
    var first = lambda.get().send(HttpCall.get("/v1/invoices?key=a", Map.of()), "invocation-a");
    var second = lambda.get().send(HttpCall.get("/v1/invoices?key=a", Map.of()), "invocation-b");

    assertEquals("invocation-a", first.header("X-Request-Id").orElse(""));
    assertEquals("invocation-b", second.header("X-Request-Id").orElse(""));
  }
}
