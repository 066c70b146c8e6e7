output "function_app_name" {
  description = "Name of the function app."
  value       = module.function.resources.function_app_name
}

output "resource_group_name" {
  description = "Resource group holding every Azure resource of the deployment."
  value       = module.function.resources.monitored.resource_group_name
}

output "scaling" {
  description = "The scaling schedule in effect: time zone, always-ready minimum per period, the maximum instance count applied (at least 40), and the Automation schedules that apply it."
  value = {
    time_zone              = module.scaling.time_zone
    min_instances          = module.scaling.min_instances
    max_instances          = module.scaling.max_instances
    maximum_instance_count = module.function.resources.maximum_instance_count
    automation_schedules   = module.function.resources.scaling_schedule_names
  }
}

output "application_insights_name" {
  description = "The Application Insights component receiving the app's lines (ops/send-test-alert.sh sends a synthetic ERROR trace to it)."
  value       = module.function.resources.application_insights_name
}

output "monitoring" {
  description = "What watches the function: the action group of each severity, every alert rule, the workbooks."
  value       = module.monitoring.watching
}
