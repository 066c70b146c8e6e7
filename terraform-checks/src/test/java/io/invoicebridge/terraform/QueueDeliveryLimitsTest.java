package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * SQS and the Azure Functions host set a message aside by themselves after so many deliveries; the
 * app gives an item up (failed on its batch, with the reason) on delivery BATCH_MAX_ATTEMPTS + 1.
 * The platforms' limits must follow BATCH_MAX_ATTEMPTS, or a batch with a higher setting never
 * completes: its item's message leaves without the batch hearing of it. Both come from app-config's
 * {@code batch_queue_max_deliveries}, which reaches the function modules in app-config's {@code
 * function} output (Cloud Tasks' in {@link CloudTasksQueuesTest}).
 */
class QueueDeliveryLimitsTest {

  private static final String APP = "${module.config.function}";

  @Test
  void sqsRedrive_followsBatchMaxAttemptsThroughAppConfig() {
    // given
    JsonNode function = stackModule("aws", "function");
    JsonNode batches = HclFiles.file(RepositoryLayout.module("aws-function").resolve("batches.tf"));

    // when
    JsonNode redrive = Hcl.resource(batches, "aws_sqs_queue_redrive_policy", "batches");

    // then
    assertEquals(APP, function.path("app").asText());
    String policy = redrive.path("redrive_policy").asText();
    assertTrue(
        policy.contains("maxReceiveCount") && policy.contains("var.app.batch_queue_max_deliveries"),
        policy);
  }

  @Test
  void functionsHostPoisonLimit_followsBatchMaxAttemptsThroughAppConfig() {
    // given
    JsonNode function = stackModule("azure", "function");

    // when
    JsonNode settings = Hcl.locals(RepositoryLayout.module("azure-function")).get("batch_settings");

    // then
    assertEquals(APP, function.path("app").asText());
    assertEquals(
        "${tostring(var.app.batch_queue_max_deliveries)}",
        settings.path("AzureFunctionsJobHost__extensions__queues__maxDequeueCount").asText());
  }

  private static JsonNode stackModule(String cloud, String name) {
    JsonNode main = HclFiles.directory(RepositoryLayout.stack(cloud));
    assertEquals(
        "${var.app}",
        main.path("module").path("config").path(0).path("app").asText(),
        cloud + ": batch_max_attempts reaches app-config in app");
    return main.path("module").path(name).path(0);
  }
}
