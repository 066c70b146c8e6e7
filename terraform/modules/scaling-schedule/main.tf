# Provider-free: turns the one schedule into the transitions every cloud runs ("at this local
# time, on these days, set the warm minimum to N") and renders them in each cloud's syntax.
#
# Why transitions look the way they do: a cron expression can restrict the day of the month or
# the day of the week, never both at once (AWS requires "?" in one of them; unix cron ORs them).
# "Monday to Friday outside month-end" is therefore not one cron expression. Instead:
# - business hours start on every weekday and only RAISE the minimum (month-end is higher, so
#   a month-end weekday keeps its month-end minimum);
# - business hours end on the days of the month outside month-end only, every day of the week:
#   on a weekend the minimum is already the night's, so setting it again changes nothing;
# - month-end starts and ends at midnight on fixed days of the month.
# A cloud that can only SET a value (Cloud Scheduler calling the Cloud Run Admin API) gets one
# more transition a minute after each raise, which sets month-end again on month-end days.

locals {
  s = var.schedule

  min_instances = {
    night_and_weekend = local.s.night_and_weekend_min_instances
    business_hours    = local.s.business_hours_min_instances
    month_end         = local.s.month_end_min_instances
  }

  utc_offset = { "Asia/Tokyo" = "+09:00", "UTC" = "+00:00" }[local.s.time_zone]

  # Days of the month (1-31) of each kind; day 29-31 only exist in some months, which the
  # ranges below handle because a missing day never matches.
  month_end_days = concat(range(1, local.s.month_end_through_day + 1), range(local.s.month_end_from_day, 32))
  ordinary_days  = range(local.s.month_end_through_day + 1, local.s.month_end_from_day)

  # ISO days of the week: 1 = Monday ... 7 = Sunday.
  weekdays = [1, 2, 3, 4, 5]
  weekend  = [6, 7]
  all_days = range(1, 8)

  # Every hour of the calendar in exactly one block of one period; the offline tests check it.
  periods = {
    month_end = [
      { days_of_month = local.month_end_days, days_of_week = local.all_days, hours = range(0, 24) },
    ]
    business_hours = [
      { days_of_month = local.ordinary_days, days_of_week = local.weekdays, hours = range(local.s.business_start_hour, local.s.business_end_hour) },
    ]
    night_and_weekend = [
      { days_of_month = local.ordinary_days, days_of_week = local.weekdays, hours = range(0, local.s.business_start_hour) },
      { days_of_month = local.ordinary_days, days_of_week = local.weekdays, hours = range(local.s.business_end_hour, 24) },
      { days_of_month = local.ordinary_days, days_of_week = local.weekend, hours = range(0, 24) },
    ]
  }

  # Each transition restricts either days_of_month or days_of_week (the other is null).
  transitions = {
    "month-end-starts" = {
      minute = 0, hour = 0, days_of_month = [local.s.month_end_from_day], days_of_week = null
      period = "month_end", raise_only = false
    }
    "month-end-ends" = {
      minute = 0, hour = 0, days_of_month = [local.s.month_end_through_day + 1], days_of_week = null
      period = "night_and_weekend", raise_only = false
    }
    "business-hours-start" = {
      minute = 0, hour = local.s.business_start_hour, days_of_month = null, days_of_week = local.weekdays
      period = "business_hours", raise_only = true
    }
    "business-hours-end" = {
      minute = 0, hour = local.s.business_end_hour, days_of_month = local.ordinary_days, days_of_week = null
      period = "night_and_weekend", raise_only = false
    }
  }

  # For clouds that can only set: after each raise, month-end days get month-end back.
  set_only_transitions = merge(
    { for name, t in local.transitions : name => merge(t, { raise_only = false }) },
    {
      for name, t in local.transitions : "${name}-keeps-month-end" => {
        minute = t.minute + 1, hour = t.hour, days_of_month = local.month_end_days, days_of_week = null
        period = "month_end", raise_only = false
      } if t.raise_only
    },
  )

  aws_day_names   = { 1 = "MON", 2 = "TUE", 3 = "WED", 4 = "THU", 5 = "FRI", 6 = "SAT", 7 = "SUN" }
  azure_day_names = { 1 = "Monday", 2 = "Tuesday", 3 = "Wednesday", 4 = "Thursday", 5 = "Friday", 6 = "Saturday", 7 = "Sunday" }

  # A list of whole numbers as cron ranges, e.g. [1, 2, 3, 25, 26] -> "1-3,25-26".
  day_ranges = {
    for name, t in local.set_only_transitions : name => join(",", [
      for start in coalesce(t.days_of_month, t.days_of_week) : (
        start == min([for e in coalesce(t.days_of_month, t.days_of_week) : e if e >= start && !contains(coalesce(t.days_of_month, t.days_of_week), e + 1)]...)
        ? tostring(start)
        : "${start}-${min([for e in coalesce(t.days_of_month, t.days_of_week) : e if e >= start && !contains(coalesce(t.days_of_month, t.days_of_week), e + 1)]...)}"
      ) if !contains(coalesce(t.days_of_month, t.days_of_week), start - 1)
    ])
  }

  # Application Auto Scaling: a raise sets only a higher minimum (max stays the cap, so a higher
  # current capacity is kept); a set pins minimum and maximum to the value.
  aws_scheduled_actions = {
    for name, t in local.transitions : name => {
      schedule = (t.days_of_month != null
        ? "cron(${t.minute} ${t.hour} ${local.day_ranges[name]} * ? *)"
      : "cron(${t.minute} ${t.hour} ? * ${join(",", [for r in split(",", local.day_ranges[name]) : join("-", [for d in split("-", r) : local.aws_day_names[tonumber(d)]])])} *)")
      min_capacity = local.min_instances[t.period]
      max_capacity = t.raise_only ? local.s.max_instances : local.min_instances[t.period]
    }
  }

  # Cloud Scheduler (unix cron, days of the week 1-7 with 7 = Sunday): set-only.
  gcp_scheduler_jobs = {
    for name, t in local.set_only_transitions : name => {
      schedule      = t.days_of_month != null ? "${t.minute} ${t.hour} ${local.day_ranges[name]} * *" : "${t.minute} ${t.hour} * * ${local.day_ranges[name]}"
      min_instances = local.min_instances[t.period]
    }
  }

  # Azure Automation schedules: "Month" on days of the month or "Week" on days of the week, at
  # a local time of day; the runbook they start raises or sets always-ready instances.
  azure_schedules = {
    for name, t in local.transitions : name => {
      frequency      = t.days_of_month != null ? "Month" : "Week"
      month_days     = t.days_of_month
      week_days      = t.days_of_week == null ? null : [for d in t.days_of_week : local.azure_day_names[d]]
      time_of_day    = format("%02d:%02d", t.hour, t.minute)
      instance_count = local.min_instances[t.period]
      raise_only     = t.raise_only
    }
  }
}
