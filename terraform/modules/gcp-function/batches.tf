# Asynchronous batches (/v1/batches) on Cloud Tasks: the function queues each item as an HTTP
# task that POSTs it back to the function's /v1/batches/work with an OIDC token Google mints for
# the function's service account (audience: that URL). The function URL is public; the app checks
# the token itself, and no secret is ever in a task. The queue's dispatch rate and concurrency
# come from the rate limits, so Cloud Tasks itself never pushes faster than freee allows. A task
# answered with anything but 2xx (the store unreachable) is retried with backoff; waits for a quota
# window are new tasks scheduled at the reset. An item given up is recorded failed on its batch
# and kept as a task of the paused dead-letter queue, with the reason.

locals {
  batch_environment = {
    BATCH_QUEUE                 = "cloud-tasks"
    BATCH_QUEUE_URL             = "https://cloudtasks.googleapis.com/v2/${google_cloud_tasks_queue.batches.id}"
    BATCH_DEAD_LETTER_QUEUE_URL = "https://cloudtasks.googleapis.com/v2/${google_cloud_tasks_queue.batches_dead_letter.id}"
    BATCH_WORKER_URL            = "https://${var.region}-${var.project_id}.cloudfunctions.net/${var.name}/v1/batches/work"
  }

  batch_queues = {
    batches     = google_cloud_tasks_queue.batches.name
    dead_letter = google_cloud_tasks_queue.batches_dead_letter.name
  }
}

resource "google_cloud_tasks_queue" "batches" {
  project  = var.project_id
  location = var.region
  name     = "${var.name}-batches"

  rate_limits {
    max_dispatches_per_second = var.batch_dispatches_per_second
    max_concurrent_dispatches = var.batch_max_concurrent_dispatches
  }

  # Above BATCH_MAX_ATTEMPTS (the stack passes app-config's batch_queue_max_deliveries): the app
  # gives an item up, records it failed and dead-letters it on delivery BATCH_MAX_ATTEMPTS + 1,
  # before Cloud Tasks would drop the task without a word.
  retry_config {
    max_attempts  = var.app.batch_queue_max_deliveries
    min_backoff   = "2s"
    max_backoff   = "300s"
    max_doublings = 8
  }
}

# Items given up: each a task named BATCH-INDEX whose body holds the message and the reason. Never
# dispatched: paused once created (below), and its tasks carry no token, so were it resumed the
# worker would refuse each delivery and Cloud Tasks would keep retrying it hourly instead of
# dropping it. Cloud Tasks deletes any task 31 days after it was added; the batch keeps the item's
# failed result for as long as the batch is kept.
resource "google_cloud_tasks_queue" "batches_dead_letter" {
  project  = var.project_id
  location = var.region
  name     = "${var.name}-batches-dead-letter"

  rate_limits {
    max_dispatches_per_second = 1
    max_concurrent_dispatches = 1
  }

  retry_config {
    max_attempts = -1
    min_backoff  = "60s"
    max_backoff  = "3600s"
  }
}

# Paused right after it is created, through Cloud Tasks' REST API with Terraform's own credentials
# (those that created the queue). The google provider 6.50 the schema check reads (the last one
# published as bindings; see "Offline checks" in docs/deploying.md) has no argument for a queue's state;
# when a snapshot of a 7.x provider with `desired_state` can be had, `desired_state = "PAUSED"` on
# the queue replaces this. An operator who resumes the queue pauses it again with
# `gcloud tasks queues pause`.
data "google_client_config" "this" {}

resource "terraform_data" "pause_dead_letters" {
  triggers_replace = [google_cloud_tasks_queue.batches_dead_letter.id]

  provisioner "local-exec" {
    command = "curl -fsS -o /dev/null -X POST -H \"Authorization: Bearer $ACCESS_TOKEN\" -H 'Content-Type: application/json' -d '{}' \"https://cloudtasks.googleapis.com/v2/$QUEUE:pause\""

    environment = {
      ACCESS_TOKEN = data.google_client_config.this.access_token
      QUEUE        = google_cloud_tasks_queue.batches_dead_letter.id
    }
  }
}

# Least privilege: the function's own identity may create tasks in the two queues and nothing else
# of Cloud Tasks (queue-level bindings, not the project's).
resource "google_cloud_tasks_queue_iam_member" "batch_enqueuer" {
  for_each = local.batch_queues

  project  = var.project_id
  location = var.region
  name     = each.value
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.this.email}"
}

# A task asking for an OIDC token of a service account may be created only by who may act as that
# account: the work queue's tasks name the function's own, so the function may act as itself (on
# this one account, not the project's).
resource "google_service_account_iam_member" "batch_oidc_tokens" {
  service_account_id = google_service_account.this.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.this.email}"
}
