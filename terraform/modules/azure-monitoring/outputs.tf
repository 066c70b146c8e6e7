output "action_group_ids" {
  description = "The action group of each severity (page, ticket); add receivers to them."
  value       = { for severity, group in azurerm_monitor_action_group.this : severity => group.id }
}

output "alert_rule_names" {
  description = "Every scheduled query rule by rule (burn-rate pairs and zero-tolerance alerts)."
  value = merge(
    { for key, rule in azurerm_monitor_scheduled_query_rules_alert_v2.burn_rate : key => rule.name },
    { for key, rule in azurerm_monitor_scheduled_query_rules_alert_v2.zero_tolerance : key => rule.name },
  )
}

output "workbook_ids" {
  description = "The business and system workbooks."
  value       = { for board, workbook in azurerm_application_insights_workbook.this : board => workbook.id }
}
