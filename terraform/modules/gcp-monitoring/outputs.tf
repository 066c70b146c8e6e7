output "watching" {
  description = "What watches the function (the stack's monitoring output): every alert policy by rule (burn-rate pairs and zero-tolerance alerts), the log-based metrics by specification metric name and those counting each zero-tolerance alert's lines, the business and system dashboards."
  value = {
    alert_policy_names = merge(
      { for key, p in google_monitoring_alert_policy.burn_rate : key => p.name },
      { for key, p in google_monitoring_alert_policy.zero_tolerance : key => p.name },
    )
    log_metric_names = merge(
      { for name, m in google_logging_metric.this : name => m.name },
      { for name, m in google_logging_metric.alert : "alert:${name}" => m.name },
    )
    dashboard_ids = { for board, d in google_monitoring_dashboard.this : board => d.id }
  }
}
