package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.JdkHttpTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structured logs under the invoker, configured as on Cloud Functions (K_SERVICE set). */
class InvokerLogsIT {

  private static final String TRACE_ID = "105445aa7843bc8bf206b12000100000";
  private static final Path LOG = InvokerTarget.logFile("structured");
  private static JdkHttpTarget invoker;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bridge.run-token", ConformanceTarget.RUN_TOKEN);
    settings.put("bridge.freee-dry-run", "true");
    settings.put("ENABLE_STRUCTURED_LOGGING", "true");
    settings.put("K_SERVICE", "invoice-bridge");
    settings.put("google.cloud.project", "demo-project");
    invoker = InvokerTarget.start(settings, LOG);
  }

  @AfterAll
  static void stop() {
    invoker.close();
  }

  @Test
  void requestWithCloudTraceContext_logsGoogleTraceAndCorrelationIdOnItsLines() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + ConformanceTarget.RUN_TOKEN);
    headers.put("Content-Type", "application/json");
    headers.put("X-Cloud-Trace-Context", TRACE_ID + "/1;o=1");

    HttpAnswer answer =
        invoker.send(
            HttpCall.post("/v1/invoices/batch", headers, Invoices.batchOf("2026-09/trace", 1)));

    assertEquals(200, answer.status(), answer::text);
    assertEquals(TRACE_ID, answer.header("X-Request-Id").orElse(""));
    List<String> lines =
        Files.readAllLines(LOG).stream().filter(line -> line.contains("2026-09/trace/1")).toList();
    assertFalse(lines.isEmpty(), "no log line names the item key");
    for (String line : lines) {
      assertTrue(line.contains("\"severity\":"), line);
      assertTrue(line.contains("\"correlation_id\":\"" + TRACE_ID + "\""), line);
      assertTrue(
          line.contains(
              "\"logging.googleapis.com/trace\":\"projects/demo-project/traces/" + TRACE_ID + "\""),
          line);
    }
  }
}
