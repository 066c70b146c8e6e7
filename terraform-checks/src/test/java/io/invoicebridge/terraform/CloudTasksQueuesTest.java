package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The Cloud Tasks queues of the GCP stack, on the parsed HCL: the work queue drops a task after
 * {@code retry_config.max_attempts} deliveries, so that number comes unchanged from app-config's
 * {@code batch_queue_max_deliveries}, which stays above BATCH_MAX_ATTEMPTS (app-config's own
 * terraform test checks the arithmetic at its bounds); the dead-letter queue is paused once
 * created; the function may create tasks in these two queues only, and may name itself in their
 * OIDC tokens.
 */
class CloudTasksQueuesTest {

  private static final JsonNode BATCHES =
      HclFiles.file(RepositoryLayout.module("gcp-function").resolve("batches.tf"));

  @Test
  void workQueue_deliversPastBatchMaxAttemptsAsAppConfigSays() {
    // given
    JsonNode main = HclFiles.directory(RepositoryLayout.stack("gcp"));
    JsonNode config = main.path("module").path("config").path(0);
    JsonNode function = main.path("module").path("function").path(0);

    // when
    JsonNode queue = Hcl.resource(BATCHES, "google_cloud_tasks_queue", "batches");

    // then
    assertEquals("../modules/app-config", config.path("source").asText());
    assertEquals("${var.app}", config.path("app").asText(), "batch_max_attempts is in app");
    assertEquals("${module.config.function}", function.path("app").asText());
    assertEquals(
        "${var.app.batch_queue_max_deliveries}",
        Hcl.at(queue, "retry_config").path("max_attempts").asText());
  }

  @Test
  void deadLetterQueue_isPausedOnceCreatedAndHandedToTheApp() {
    // given
    JsonNode pause = Hcl.resource(BATCHES, "terraform_data", "pause_dead_letters");
    JsonNode exec = Hcl.at(pause, "provisioner", "local-exec");

    // then
    String trigger = pause.path("triggers_replace").toString();
    assertTrue(trigger.contains("google_cloud_tasks_queue.batches_dead_letter.id"), trigger);
    assertTrue(exec.path("command").asText().contains(":pause"), exec.toString());
    assertEquals(
        "${google_cloud_tasks_queue.batches_dead_letter.id}",
        exec.path("environment").path("QUEUE").asText());
    String environment =
        Hcl.locals(RepositoryLayout.module("gcp-function")).get("batch_environment").toString();
    assertTrue(
        environment.contains("google_cloud_tasks_queue.batches_dead_letter.id"), environment);
  }

  @Test
  void functionIdentity_enqueuesInTheTwoQueuesOnlyAndActsAsItself() {
    // given
    JsonNode enqueuer =
        Hcl.resource(BATCHES, "google_cloud_tasks_queue_iam_member", "batch_enqueuer");
    JsonNode actAs =
        Hcl.resource(BATCHES, "google_service_account_iam_member", "batch_oidc_tokens");

    // then
    assertEquals("${local.batch_queues}", enqueuer.path("for_each").asText());
    assertEquals("roles/cloudtasks.enqueuer", enqueuer.path("role").asText());
    String queues =
        Hcl.locals(RepositoryLayout.module("gcp-function")).get("batch_queues").toString();
    assertTrue(queues.contains("batches.name") && queues.contains("batches_dead_letter.name"));
    assertEquals("roles/iam.serviceAccountUser", actAs.path("role").asText());
    assertEquals("${google_service_account.this.name}", actAs.path("service_account_id").asText());
    assertFalse(
        BATCHES.path("resource").has("google_project_iam_member"),
        "no project-wide Cloud Tasks role");
  }
}
