output "url" {
  description = "Base URL of the bridge (the function's URL)."
  value       = module.function.url
}

output "health_url" {
  description = "Unauthenticated health endpoint: GET answers 200 with \"UP\"."
  value       = module.function.health_url
}

output "function_name" {
  description = "Name of the Cloud Function."
  value       = module.function.function_name
}

output "source_object" {
  description = "Storage object the running function was built from."
  value       = module.function.source_object
}

output "redis_app_user" {
  description = "What terraform/scripts/redis-app-user.sh needs to create or update the app's own Redis user (deploy.sh runs it after every apply): Upstash's REST URL and administration token, the user's name and password."
  value       = module.redis.app_user
  sensitive   = true
}

output "redis_endpoint" {
  description = "Host name of the Upstash Redis database (the password stays in the secrets)."
  value       = module.redis.endpoint
}

output "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS the app runs with."
  value       = module.config.request_timeout_ms
}

output "function_timeout_seconds" {
  description = "Timeout of the function."
  value       = module.config.function_timeout_seconds
}

output "deployed_version" {
  description = "Version of the artifact this state deployed (artifact_version); the pipeline rolls back to it when a later deployment fails its health check."
  value       = var.artifact_version
}

output "scaling" {
  description = "The scaling schedule in effect: time zone, warm minimum per period, maximum, and the Cloud Scheduler jobs that apply it."
  value = {
    time_zone      = module.scaling.time_zone
    min_instances  = module.scaling.min_instances
    max_instances  = module.scaling.max_instances
    scheduler_jobs = module.function.scheduler_job_names
  }
}

output "batch_dead_letter_queue" {
  description = "Cloud Tasks queue holding the asynchronous batch items given up (paused): gcloud tasks list --queue=THIS --location=REGION."
  value       = module.function.batch_dead_letter_queue_name
}

output "project_id" {
  description = "The project of the function (ops/send-test-alert.sh writes a synthetic ERROR entry there)."
  value       = var.project_id
}

output "region" {
  description = "The region of the function."
  value       = var.region
}

output "monitoring" {
  description = "What watches the function: every alert policy, the log-based metrics, the dashboards."
  value = {
    alert_policy_names = module.monitoring.alert_policy_names
    log_metric_names   = module.monitoring.log_metric_names
    dashboard_ids      = module.monitoring.dashboard_ids
  }
}

output "front_door_auth" {
  description = "What the front door demands besides the run token (\"none\" unless iam_front_door); deploy.sh hands it to check-health.sh, which then authenticates as the deploying identity."
  value       = module.function.front_door_auth
}
