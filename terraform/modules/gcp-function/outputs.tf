output "resources" {
  description = "What the stack shows and watches, by name: the Cloud Function, the storage object it was built from, scaling, how GCP applies the schedule (the Cloud Scheduler jobs that set the service-level minimum instances), and the paused Cloud Tasks queue of the batch items given up (for gcloud tasks list --queue, with --location set to the region)."
  value = {
    function_name                = google_cloudfunctions2_function.this.name
    source_object                = "gs://${google_storage_bucket.source.name}/${google_storage_bucket_object.source.name}"
    scaling                      = { scheduler_jobs = [for j in google_cloud_scheduler_job.scaling : j.name] }
    batch_dead_letter_queue_name = google_cloud_tasks_queue.batches_dead_letter.name
  }
}
