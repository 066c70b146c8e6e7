output "function_app_name" {
  description = "Name of the function app."
  value       = module.function.resources.function_app_name
}

output "resource_group_name" {
  description = "Resource group holding every Azure resource of the deployment."
  value       = module.function.resources.monitored.resource_group_name
}

output "application_insights_name" {
  description = "The Application Insights component receiving the app's lines (ops/send-test-alert.sh sends a synthetic ERROR trace to it)."
  value       = module.function.resources.application_insights_name
}
