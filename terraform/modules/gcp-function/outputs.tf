output "url" {
  description = "Base URL of the function, without a trailing slash."
  value       = trimsuffix(google_cloudfunctions2_function.this.url, "/")
}

output "health_url" {
  description = "The unauthenticated health endpoint: GET answers 200 with \"UP\" in the body."
  value       = "${trimsuffix(google_cloudfunctions2_function.this.url, "/")}/health"
}

output "function_name" {
  description = "Name of the Cloud Function."
  value       = google_cloudfunctions2_function.this.name
}

output "entry_point" {
  description = "Entry point class of the function."
  value       = local.entry_point
}

output "service_account_email" {
  description = "Service account the function runs as."
  value       = google_service_account.this.email
}

output "secret_ids" {
  description = "Secret Manager secret ids by environment variable name."
  value       = { for name, s in google_secret_manager_secret.this : name => s.secret_id }
}

output "source_object" {
  description = "Storage object the function was built from."
  value       = "gs://${google_storage_bucket.source.name}/${google_storage_bucket_object.source.name}"
}

output "scheduler_job_names" {
  description = "Names of the Cloud Scheduler jobs that set the service-level minimum instances."
  value       = [for j in google_cloud_scheduler_job.scaling : j.name]
}

output "batch_queue_id" {
  description = "Cloud Tasks queue of asynchronous batch items (projects/P/locations/L/queues/Q)."
  value       = google_cloud_tasks_queue.batches.id
}

output "batch_dead_letter_queue_id" {
  description = "Paused Cloud Tasks queue of the batch items given up, one task each (projects/P/locations/L/queues/Q)."
  value       = google_cloud_tasks_queue.batches_dead_letter.id
}

output "batch_dead_letter_queue_name" {
  description = "Name of the dead-letter queue, for gcloud tasks list --queue (with --location set to the region)."
  value       = google_cloud_tasks_queue.batches_dead_letter.name
}

output "front_door_auth" {
  description = "What the front door demands besides the run token: \"none\", or \"gcp-iam\" (a Google ID token of an invoker in X-Serverless-Authorization; scripts/check-health.sh then asks gcloud for one)."
  value       = var.iam_front_door ? "gcp-iam" : "none"
}
