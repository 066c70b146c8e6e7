# Asynchronous batches (/v1/batches) on Cloud Tasks: the function queues each item as an HTTP
# task that POSTs it back to the function's /v1/batches/work with the run token (the function URL
# is public; the app checks the token). The queue's dispatch rate and concurrency come from the
# rate limits, so Cloud Tasks itself never pushes faster than freee allows. A task answered with
# anything but 2xx (the store unreachable) is retried with backoff; waits for a quota window are
# new tasks scheduled at the reset, and an item given up is recorded failed on its batch and
# logged at ERROR (Cloud Tasks has no dead-letter queue).

locals {
  batch_environment = {
    BATCH_QUEUE      = "cloud-tasks"
    BATCH_QUEUE_URL  = "https://cloudtasks.googleapis.com/v2/${google_cloud_tasks_queue.batches.id}"
    BATCH_WORKER_URL = "https://${var.region}-${var.project_id}.cloudfunctions.net/${var.name}/v1/batches/work"
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

  retry_config {
    max_attempts  = var.batch_max_delivery_attempts
    min_backoff   = "2s"
    max_backoff   = "300s"
    max_doublings = 8
  }
}

# Least privilege: the function's own identity may create tasks (nothing else of Cloud Tasks).
resource "google_project_iam_member" "batch_enqueuer" {
  project = var.project_id
  role    = "roles/cloudtasks.enqueuer"
  member  = "serviceAccount:${google_service_account.this.email}"
}
