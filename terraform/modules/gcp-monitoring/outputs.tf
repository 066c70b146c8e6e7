output "log_metric_names" {
  description = "The log-based metrics by specification metric name, and those counting each zero-tolerance alert's lines."
  value = merge(
    { for name, m in google_logging_metric.this : name => m.name },
    { for name, m in google_logging_metric.alert : "alert:${name}" => m.name },
  )
}

output "alert_policy_names" {
  description = "Every alert policy by rule (burn-rate pairs and zero-tolerance alerts)."
  value = merge(
    { for key, p in google_monitoring_alert_policy.burn_rate : key => p.name },
    { for key, p in google_monitoring_alert_policy.zero_tolerance : key => p.name },
  )
}

output "dashboard_ids" {
  description = "The business and system dashboards."
  value       = { for board, d in google_monitoring_dashboard.this : board => d.id }
}
