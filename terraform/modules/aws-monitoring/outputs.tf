output "topic_arns" {
  description = "The SNS topic of each severity (page, ticket); subscribe more targets to them."
  value       = { for severity, topic in aws_sns_topic.this : severity => topic.arn }
}

output "alarm_names" {
  description = "Every alarm that notifies: the composite burn-rate alarms and the zero-tolerance alarms, by rule."
  value = merge(
    { for key, alarm in aws_cloudwatch_composite_alarm.burn_rate : key => alarm.alarm_name },
    { for key, alarm in aws_cloudwatch_metric_alarm.zero_tolerance : key => alarm.alarm_name },
  )
}

output "dashboard_names" {
  description = "The business and system dashboards."
  value       = { for board, dashboard in aws_cloudwatch_dashboard.this : board => dashboard.dashboard_name }
}

output "error_metric_namespace" {
  description = "Where the ERROR-line count lives (the send-test-alert script writes to it)."
  value       = local.error_namespace
}
