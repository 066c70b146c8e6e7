output "function_name" {
  description = "Name of the Lambda function."
  value       = module.function.resources.function_name
}

output "function_version" {
  description = "Published version the alias points at."
  value       = module.function.resources.function_version
}

output "scaling" {
  description = "The scaling schedule in effect: time zone, warm minimum per period, maximum, and how AWS realizes it."
  value = {
    time_zone         = module.scaling.time_zone
    min_instances     = module.scaling.min_instances
    max_instances     = module.scaling.max_instances
    warm_start        = module.function.resources.warm_start
    scheduled_actions = module.function.resources.scheduled_action_names
  }
}

output "log_group_name" {
  description = "The function's CloudWatch log group (ops/send-test-alert.sh writes a synthetic ERROR line there)."
  value       = module.function.resources.log_group_name
}

output "monitoring" {
  description = "What watches the function: the SNS topic of each severity, every alarm that notifies, the dashboards."
  value       = module.monitoring.watching
}
