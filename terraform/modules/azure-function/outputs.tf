output "url" {
  description = "Base URL of the function app, without a trailing slash."
  value       = "https://${azurerm_function_app_flex_consumption.this.default_hostname}"
}

output "health_url" {
  description = "The unauthenticated health endpoint: GET answers 200 with \"UP\" in the body."
  value       = "https://${azurerm_function_app_flex_consumption.this.default_hostname}/health"
}

output "function_app_name" {
  description = "Name of the function app."
  value       = azurerm_function_app_flex_consumption.this.name
}

output "function_name" {
  description = "Name of the HTTP-triggered function inside the app, as adapters-azure declares it."
  value       = local.function_name
}

output "function_class" {
  description = "Class implementing the function (a subclass of Micronaut's AzureHttpFunction)."
  value       = local.function_class
}

output "resource_group_name" {
  description = "Resource group holding every resource of the deployment."
  value       = azurerm_resource_group.this.name
}

output "key_vault_name" {
  description = "Key Vault holding the secrets."
  value       = azurerm_key_vault.this.name
}

output "application_insights_name" {
  description = "Application Insights resource receiving the logs."
  value       = azurerm_application_insights.this.name
}

output "maximum_instance_count" {
  description = "Maximum instance count the plan runs with: max_instances, or Flex Consumption's floor of 40 when max_instances is lower."
  value       = azurerm_function_app_flex_consumption.this.maximum_instance_count
}

output "scaling_schedule_names" {
  description = "Names of the Azure Automation schedules that set the always-ready instances."
  value       = [for s in azurerm_automation_schedule.scaling : s.name]
}

output "application_insights_id" {
  description = "The Application Insights component the app's log lines go to; its alerts and workbooks query it."
  value       = azurerm_application_insights.this.id
}

output "location" {
  description = "The Azure region of the function and its resource group."
  value       = azurerm_resource_group.this.location
}

output "batch_queue_url" {
  description = "URL of the Storage queue of asynchronous batch items (BATCH_QUEUE_URL)."
  value       = local.batch_settings.BATCH_QUEUE_URL
}

output "batch_poison_queue_url" {
  description = "URL of the poison queue of batch items given up (BATCH_DEAD_LETTER_QUEUE_URL)."
  value       = local.batch_settings.BATCH_DEAD_LETTER_QUEUE_URL
}

output "front_door_auth" {
  description = "What the front door demands besides the run token: \"none\", or \"azure-entra:<client id>\" (an Entra access token for that application; scripts/check-health.sh then asks az for one)."
  value       = var.iam_front_door ? "azure-entra:${var.iam_client_id}" : "none"
}
