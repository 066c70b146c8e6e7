output "function_name" {
  description = "Name of the Cloud Function."
  value       = module.function.resources.function_name
}

output "source_object" {
  description = "Storage object the running function was built from."
  value       = module.function.resources.source_object
}

output "batch_dead_letter_queue" {
  description = "Cloud Tasks queue holding the asynchronous batch items given up (paused): gcloud tasks list --queue=THIS --location=REGION."
  value       = module.function.resources.batch_dead_letter_queue_name
}

output "project_id" {
  description = "The project of the function (ops/send-test-alert.sh writes a synthetic ERROR entry there)."
  value       = var.project_id
}

output "region" {
  description = "The region of the function."
  value       = var.region
}
