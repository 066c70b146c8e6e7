output "url" {
  description = "Base URL of the bridge (function URL or HTTP API)."
  value       = module.function.url
}

output "health_url" {
  description = "Unauthenticated health endpoint: GET answers 200 with \"UP\"."
  value       = module.function.health_url
}

output "function_name" {
  description = "Name of the Lambda function."
  value       = module.function.function_name
}

output "function_version" {
  description = "Published version the alias points at."
  value       = module.function.function_version
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
  description = "Timeout of the Lambda function."
  value       = module.config.function_timeout_seconds
}

output "deployed_version" {
  description = "Version of the artifact this state deployed (artifact_version); the pipeline rolls back to it when a later deployment fails its health check."
  value       = var.artifact_version
}

output "scaling" {
  description = "The scaling schedule in effect: time zone, warm minimum per period, maximum, and how AWS realizes it."
  value = {
    time_zone         = module.scaling.time_zone
    min_instances     = module.scaling.min_instances
    max_instances     = module.scaling.max_instances
    warm_start        = module.function.warm_start
    scheduled_actions = module.function.scheduled_action_names
  }
}

output "log_group_name" {
  description = "The function's CloudWatch log group (ops/send-test-alert.sh writes a synthetic ERROR line there)."
  value       = module.function.log_group_name
}

output "monitoring" {
  description = "What watches the function: the SNS topic of each severity, every alarm that notifies, the dashboards."
  value = {
    topic_arns      = module.monitoring.topic_arns
    alarm_names     = module.monitoring.alarm_names
    dashboard_names = module.monitoring.dashboard_names
  }
}

output "front_door_auth" {
  description = "What the front door demands besides the run token (\"none\" unless iam_front_door); deploy.sh hands it to check-health.sh, which then authenticates as the deploying identity."
  value       = module.function.front_door_auth
}
