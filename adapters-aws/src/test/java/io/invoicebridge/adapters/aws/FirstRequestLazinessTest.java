package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.invoice.InvoiceCreation;
import io.micronaut.http.client.HttpClientRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cold instance's first requests in a dry run build only what they use: neither {@code /health}
 * nor a first batch builds the freee call path or the HTTP client behind it.
 */
class FirstRequestLazinessTest {

  @Test
  void dryRun_healthThenBatch_buildNoHttpClientAndNoInvoiceCreation() {
    try (LambdaTarget lambda =
        LambdaTarget.start(
            Map.of("bridge.run-token", ConformanceTarget.RUN_TOKEN, "bridge.freee-dry-run", "true"),
            LambdaTarget.FUNCTION_URL)) {
      var health = lambda.send(HttpCall.get("/health", Map.of()));
      var batch =
          lambda.send(
              HttpCall.post(
                  "/v1/invoices/batch",
                  Map.of(
                      "Authorization",
                      "Bearer " + ConformanceTarget.RUN_TOKEN,
                      "Content-Type",
                      "application/json"),
                  Invoices.batchOf("2026-11/lazy", 2)));

      assertEquals(200, health.status(), health::text);
      assertEquals(200, batch.status(), batch::text);
      assertTrue(
          lambda.context().getActiveBeanRegistrations(HttpClientRegistry.class).isEmpty(),
          "no HTTP client in a dry run's first requests");
      assertTrue(
          lambda.context().getActiveBeanRegistrations(InvoiceCreation.class).isEmpty(),
          "no freee call path in a dry run's first batch");
    }
  }
}
