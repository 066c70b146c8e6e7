# The Cloud Function (gen2) of adapters-gcp: source uploaded from a versioned zip, secrets from
# Secret Manager as secret environment variables, public invoker (the app checks RUN_TOKEN, and
# Cloud Tasks' OIDC tokens on /v1/batches/work).

locals {
  # Micronaut's HTTP function for Cloud Functions: routes every request to the app's controllers.
  entry_point = "io.micronaut.gcp.function.http.HttpFunction"

  # For shared.tf's checks: Cloud Functions gen2 runs on Cloud Run, which does not allow a request
  # (nor an HTTP function's timeout) longer than 60 min.
  platform                 = "Cloud Functions"
  front_door_limit_seconds = 3600
  timeout_limit_seconds    = local.front_door_limit_seconds

  url = trimsuffix(google_cloudfunctions2_function.this.url, "/")

  # For the output front_door (shared.tf): with iam_front_door, a Google ID token of an invoker
  # in X-Serverless-Authorization.
  front_door_auth = var.iam_front_door ? "gcp-iam" : "none"
}

resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = "${var.name}-fn"
  display_name = "${var.name} function"
}

resource "google_secret_manager_secret" "this" {
  for_each = toset(var.app.secret_names)

  project   = var.project_id
  secret_id = "${var.name}-${lower(replace(each.key, "_", "-"))}"
  labels    = var.labels

  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "this" {
  for_each = toset(var.app.secret_names)

  secret      = google_secret_manager_secret.this[each.key].id
  secret_data = var.secrets[each.key]
}

resource "google_secret_manager_secret_iam_member" "this" {
  for_each = toset(var.app.secret_names)

  project   = var.project_id
  secret_id = google_secret_manager_secret.this[each.key].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.this.email}"
}

resource "google_storage_bucket" "source" {
  project                     = var.project_id
  name                        = "${var.project_id}-${var.name}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = true
  labels                      = var.labels
}

# Named after the zip's content, so a new artifact is a new object and redeploys the function.
resource "google_storage_bucket_object" "source" {
  bucket = google_storage_bucket.source.name
  name   = "${var.name}/${filemd5(var.source_zip_path)}.zip"
  source = var.source_zip_path
}

resource "google_cloudfunctions2_function" "this" {
  project     = var.project_id
  location    = var.region
  name        = var.name
  description = "invoice-bridge: creates invoices in freee exactly once"
  labels      = var.labels

  build_config {
    runtime     = "java21"
    entry_point = local.entry_point

    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    # Revision-level minimum 0: the schedule sets the service-level minimum (scaling.tf), which
    # changes without a new revision; Google advises against combining the two.
    min_instance_count               = 0
    max_instance_count               = var.max_instances
    max_instance_request_concurrency = var.requests_per_instance
    available_memory                 = var.memory
    available_cpu                    = var.cpu
    timeout_seconds                  = var.app.timeout_seconds
    ingress_settings                 = "ALLOW_ALL"
    all_traffic_on_latest_revision   = true
    service_account_email            = google_service_account.this.email
    # Cloud Functions gen2 sets no project variable; the app needs it for the trace field of its logs.
    environment_variables = merge(var.app.environment, { GOOGLE_CLOUD_PROJECT = var.project_id }, local.batch_environment)

    # Pinned to the version this apply wrote, so a changed secret redeploys the function.
    dynamic "secret_environment_variables" {
      for_each = toset(var.app.secret_names)
      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = google_secret_manager_secret.this[secret_environment_variables.key].secret_id
        version    = google_secret_manager_secret_version.this[secret_environment_variables.key].version
      }
    }
  }

  depends_on = [google_secret_manager_secret_iam_member.this]

  lifecycle {
    precondition {
      condition     = alltrue([for j in values(var.scaling.jobs) : j.min_instances <= var.max_instances])
      error_message = "No scheduled minimum may exceed max_instances."
    }
  }
}

# Public invoker (default): Cloud Functions gen2 serves through Cloud Run, whose invoker role
# decides who may call the URL. Anyone may; the app rejects /v1 calls without the RUN_TOKEN bearer
# token, and /v1/batches/work calls without an OIDC token Google signed for the function's service
# account and that URL (batches.tf), so Cloud Tasks' deliveries need no invoker role of their own.
resource "google_cloud_run_service_iam_member" "invoker" {
  count = var.iam_front_door ? 0 : 1

  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# With iam_front_door: no allUsers; Cloud Run lets through only requests carrying a Google-signed
# ID token of a member with the invoker role (in X-Serverless-Authorization when Authorization
# carries the run token): the named callers, and the function's own service account, whose OIDC
# tokens Cloud Tasks sends to /v1/batches/work.
resource "google_cloud_run_service_iam_member" "named_invokers" {
  for_each = var.iam_front_door ? toset(concat(var.iam_invokers, ["serviceAccount:${google_service_account.this.email}"])) : toset([])

  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.invoker"
  member   = each.key
}
