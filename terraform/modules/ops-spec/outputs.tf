output "service" {
  description = "The service's name in the specification."
  value       = local.spec.service
}

output "namespace" {
  description = "The CloudWatch namespace of the Embedded Metric Format blocks."
  value       = local.spec.namespace
}

output "events" {
  description = "Every event the app writes: fields, dimensions (lists of field names) and metrics."
  value       = local.spec.events
}

output "metrics" {
  description = "Every metric by name: the event carrying it, its unit and the field holding its value (null: 1 per line)."
  value       = local.metrics
}

output "objectives" {
  description = "The service level objectives with their good, bad and total values and error budget."
  value       = local.objectives
}

output "burn_rate_alerts" {
  description = "One alert per objective and window pair (key objective-window): windows, burn rate, the bad ratio that fires it, the minimum events, the severity and the runbook entry (docs/operations.md#objective)."
  value       = local.burn_rate_alerts
}

output "zero_tolerance_alerts" {
  description = "The zero-tolerance alerts by name: the metric (or log level), the value that fires it, the evaluation window, the severity and the runbook entry (docs/operations.md#name)."
  value       = local.zero_tolerance_alerts
}

output "notifications" {
  description = "For each severity, the kinds of targets told (email, webhook)."
  value       = local.notifications
}

output "panels" {
  description = "Dashboard panels by dashboard (business, system)."
  value       = local.panels
}
