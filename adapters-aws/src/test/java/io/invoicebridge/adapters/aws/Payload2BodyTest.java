package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.Invoices;
import io.invoicebridge.conformance.TargetPerClass;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bodies as the front door may deliver them in payload 2.0. */
class Payload2BodyTest {

  @RegisterExtension
  static final TargetPerClass<LambdaTarget> lambda =
      new TargetPerClass<>(LambdaTarget::startDryRun);

  @Test
  void batch_base64EncodedByTheFrontDoor_isDecodedBeforeReading() {
    String batch = Invoices.batchOf("2026-09/b64", 1);
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + ConformanceTarget.RUN_TOKEN,
            "Content-Type",
            "application/json; charset=utf-8");
    ObjectNode event =
        lambda.get().event(HttpCall.post("/v1/invoices/batch", headers, batch), "inv-b64");
    event.put("body", Base64.getEncoder().encodeToString(batch.getBytes(StandardCharsets.UTF_8)));
    event.put("isBase64Encoded", true);

    HttpAnswer answer = lambda.get().send(event, "inv-b64");

    assertEquals(200, answer.status(), answer::text);
    assertEquals(
        Invoices.JAPANESE_SUBJECT,
        answer.json().path("results").path(0).path("would_send").path("subject").asText());
  }
}
