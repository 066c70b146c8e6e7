# The schedule of module scaling-schedule as Cloud Scheduler jobs. Google has no scheduled
# scaling of its own: each job PATCHes the service-level minimum instances of the function's
# Cloud Run service through the Cloud Run Admin API, which takes effect without a new revision.
# The jobs run as their own service account, allowed to change this one service only.

locals {
  # Cloud Functions gen2 names its Cloud Run service after the function.
  run_service_uri = "https://run.googleapis.com/v2/projects/${var.project_id}/locations/${var.region}/services/${google_cloudfunctions2_function.this.name}"
}

resource "google_service_account" "scaler" {
  project      = var.project_id
  account_id   = "${substr(var.name, 0, 23)}-scale"
  display_name = "${var.name} scaling schedule"
}

resource "google_cloud_run_service_iam_member" "scaler" {
  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.developer"
  member   = "serviceAccount:${google_service_account.scaler.email}"
}

# Updating a Cloud Run service may require acting as its runtime service account.
resource "google_service_account_iam_member" "scaler_acts_as_function" {
  service_account_id = google_service_account.this.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.scaler.email}"
}

resource "google_cloud_scheduler_job" "scaling" {
  for_each = var.scaling.jobs

  project          = var.project_id
  region           = var.region
  name             = "${var.name}-${each.key}"
  description      = "${var.name}: service-level minimum instances = ${each.value.min_instances} (${each.key})"
  schedule         = each.value.schedule
  time_zone        = var.scaling.time_zone
  attempt_deadline = "60s"

  retry_config {
    retry_count          = 3
    min_backoff_duration = "10s"
  }

  http_target {
    http_method = "PATCH"
    uri         = "${local.run_service_uri}?updateMask=scaling.minInstanceCount"
    headers     = { "Content-Type" = "application/json" }
    body        = base64encode(jsonencode({ scaling = { minInstanceCount = each.value.min_instances } }))

    oauth_token {
      service_account_email = google_service_account.scaler.email
      scope                 = "https://www.googleapis.com/auth/cloud-platform"
    }
  }

  depends_on = [google_cloud_run_service_iam_member.scaler, google_service_account_iam_member.scaler_acts_as_function]
}
