output "watching" {
  description = "What watches the function (the stack's monitoring output): the action group of each severity (page, ticket; add receivers to them), every scheduled query rule by rule (burn-rate pairs and zero-tolerance alerts), the business and system workbooks."
  value = {
    action_group_ids = { for severity, group in azurerm_monitor_action_group.this : severity => group.id }
    alert_rule_names = merge(
      { for key, rule in azurerm_monitor_scheduled_query_rules_alert_v2.burn_rate : key => rule.name },
      { for key, rule in azurerm_monitor_scheduled_query_rules_alert_v2.zero_tolerance : key => rule.name },
    )
    workbook_ids = { for board, workbook in azurerm_application_insights_workbook.this : board => workbook.id }
  }
}
