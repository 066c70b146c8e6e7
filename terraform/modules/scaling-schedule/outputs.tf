output "time_zone" {
  description = "IANA time zone every schedule is evaluated in."
  value       = local.s.time_zone
}

output "utc_offset" {
  description = "Fixed UTC offset of time_zone (it has no daylight saving time), e.g. \"+09:00\"."
  value       = local.utc_offset
}

output "min_instances" {
  description = "Warm minimum of each period: night_and_weekend, business_hours, month_end."
  value       = local.min_instances
}

output "max_instances" {
  description = "Most instances at once, in every period."
  value       = local.s.max_instances
}

output "periods" {
  description = "Each period as blocks of days of the month (1-31), ISO days of the week (1 = Monday) and hours (0-23); every hour of the calendar is in exactly one block."
  value       = local.periods
}

output "transitions" {
  description = "The schedule as transitions by name: at minute:hour local time on days_of_month or days_of_week (one is null), set (or with raise_only, raise) the minimum to the period's."
  value       = local.transitions
}

output "aws_scheduled_actions" {
  description = "Application Auto Scaling scheduled actions by name: schedule (cron(...) in time_zone), min_capacity, max_capacity."
  value       = local.aws_scheduled_actions
}

output "gcp_scheduler_jobs" {
  description = "Cloud Scheduler jobs by name: schedule (unix cron in time_zone) and the service-level min_instances they set."
  value       = local.gcp_scheduler_jobs
}

output "azure_schedules" {
  description = "Azure Automation schedules by name: frequency (Month or Week), month_days or week_days, time_of_day (HH:MM in time_zone), instance_count, raise_only."
  value       = local.azure_schedules
}
