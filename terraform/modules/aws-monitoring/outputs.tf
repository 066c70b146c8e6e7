output "watching" {
  description = "What watches the function (the stack's monitoring output): the SNS topic of each severity (page, ticket; subscribe more targets to them), every alarm that notifies by rule (the composite burn-rate alarms and the zero-tolerance alarms), the business and system dashboards, and the namespace of the ERROR-line count (ops/send-test-alert.sh writes to it)."
  value = {
    topic_arns = { for severity, topic in aws_sns_topic.this : severity => topic.arn }
    alarm_names = merge(
      { for key, alarm in aws_cloudwatch_composite_alarm.burn_rate : key => alarm.alarm_name },
      { for key, alarm in aws_cloudwatch_metric_alarm.zero_tolerance : key => alarm.alarm_name },
    )
    dashboard_names        = { for board, dashboard in aws_cloudwatch_dashboard.this : board => dashboard.dashboard_name }
    error_metric_namespace = local.error_namespace
  }
}
