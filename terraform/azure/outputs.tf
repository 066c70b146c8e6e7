output "url" {
  description = "Base URL of the bridge (the function app's host)."
  value       = module.function.url
}

output "health_url" {
  description = "Unauthenticated health endpoint: GET answers 200 with \"UP\"."
  value       = module.function.health_url
}

output "function_app_name" {
  description = "Name of the function app."
  value       = module.function.function_app_name
}

output "resource_group_name" {
  description = "Resource group holding every Azure resource of the deployment."
  value       = module.function.resource_group_name
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
  description = "Timeout of the functions host."
  value       = module.config.function_timeout_seconds
}

output "deployed_version" {
  description = "Version of the artifact this state deployed (artifact_version); the pipeline rolls back to it when a later deployment fails its health check."
  value       = var.artifact_version
}

output "scaling" {
  description = "The scaling schedule in effect: time zone, always-ready minimum per period, the maximum instance count applied (at least 40), and the Automation schedules that apply it."
  value = {
    time_zone              = module.scaling.time_zone
    min_instances          = module.scaling.min_instances
    max_instances          = module.scaling.max_instances
    maximum_instance_count = module.function.maximum_instance_count
    automation_schedules   = module.function.scaling_schedule_names
  }
}

output "application_insights_name" {
  description = "The Application Insights component receiving the app's lines (ops/send-test-alert.sh sends a synthetic ERROR trace to it)."
  value       = module.function.application_insights_name
}

output "monitoring" {
  description = "What watches the function: the action group of each severity, every alert rule, the workbooks."
  value = {
    action_group_ids = module.monitoring.action_group_ids
    alert_rule_names = module.monitoring.alert_rule_names
    workbook_ids     = module.monitoring.workbook_ids
  }
}

output "front_door_auth" {
  description = "What the front door demands besides the run token (\"none\" unless iam_front_door); deploy.sh hands it to check-health.sh, which then authenticates as the deploying identity."
  value       = module.function.front_door_auth
}
