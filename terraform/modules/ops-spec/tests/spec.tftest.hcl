# Plan-only tests: the repository's specification is valid, its burn-rate thresholds equal the SRE
# workbook's table, and each kind of mistake in a specification fails validation.

variables {
  spec_yaml = file("../../../ops/service.yaml")
}

run "repository_spec_is_valid_and_complete" {
  command = plan

  assert {
    condition     = length(output.burn_rate_alerts) == length(output.objectives) * 3
    error_message = "Every objective must have the page_fast, page_slow and ticket window pairs."
  }

  assert {
    condition     = alltrue([for o in ["invoice_availability", "request_latency"] : contains(keys(output.objectives), o)])
    error_message = "The availability and latency objectives must be in the specification."
  }

  assert {
    condition = alltrue([
      for a in ["freee_throttled", "quota_hour_80", "quota_day_80", "refresh_token_ageing", "token_refresh_failed", "redis_unreachable", "error_log"] :
      contains(keys(output.zero_tolerance_alerts), a)
    ])
    error_message = "Every zero-tolerance alert the operations checklist needs must be in the specification."
  }

  assert {
    condition     = alltrue([for a in values(merge(output.burn_rate_alerts, output.zero_tolerance_alerts)) : length(output.notifications[a.severity]) > 0])
    error_message = "Every alert's severity must notify someone."
  }

  assert {
    condition     = output.objectives.invoice_availability.good == ["created", "replayed"] && output.objectives.invoice_availability.count_metric == "Invoices"
    error_message = "Availability counts created and replayed as good, through the Invoices metric."
  }
}

# 28 days: the workbook's 30-day table scaled by 28/30.
run "burn_rates_for_28_days_scale_the_workbook_table" {
  command = plan

  assert {
    condition     = abs(output.burn_rate_alerts["invoice_availability-page_fast"].burn_rate - 14.4 * 28 / 30) < 1e-9
    error_message = "1 h window, 2% of a 28-day budget: burn rate 13.44."
  }

  assert {
    condition     = abs(output.burn_rate_alerts["invoice_availability-page_slow"].burn_rate - 6 * 28 / 30) < 1e-9
    error_message = "6 h window, 5% of a 28-day budget: burn rate 5.6."
  }

  assert {
    condition     = abs(output.burn_rate_alerts["invoice_availability-page_fast"].max_bad_ratio - 13.44 * 0.005) < 1e-9
    error_message = "The fast page fires above 13.44 x 0.5% = 6.72% failed."
  }

  assert {
    condition     = output.burn_rate_alerts["invoice_availability-page_fast"].short_minutes == 5 && output.burn_rate_alerts["invoice_availability-page_slow"].short_minutes == 30
    error_message = "The workbook's short windows are 1/12 of the long ones: 5 and 30 minutes."
  }
}

run "burn_rates_for_30_days_equal_the_workbook_table" {
  command = plan

  variables {
    spec_yaml = replace(var.spec_yaml, "period_days: 28", "period_days: 30")
  }

  assert {
    condition     = abs(output.burn_rate_alerts["invoice_availability-page_fast"].burn_rate - 14.4) < 1e-9
    error_message = "The workbook: 2% of a 30-day budget in 1 h is burn rate 14.4."
  }

  assert {
    condition     = abs(output.burn_rate_alerts["request_latency-page_slow"].burn_rate - 6) < 1e-9
    error_message = "The workbook: 5% of a 30-day budget in 6 h is burn rate 6."
  }

  assert {
    condition     = abs(output.burn_rate_alerts["invoice_availability-ticket"].burn_rate - 3) < 1e-9
    error_message = "10% of a 30-day budget in 24 h is burn rate 3 (the workbook's 3-day window, 1, capped at 24 h)."
  }
}

run "a_window_longer_than_a_day_fails" {
  command = plan

  variables {
    spec_yaml = replace(var.spec_yaml, "long_minutes: 1440", "long_minutes: 4320")
  }

  expect_failures = [var.spec_yaml]
}

run "an_objective_on_a_field_that_is_no_dimension_fails" {
  command = plan

  variables {
    spec_yaml = replace(var.spec_yaml, "field: outcome", "field: attempts")
  }

  expect_failures = [var.spec_yaml]
}

run "a_company_id_dimension_fails" {
  command = plan

  variables {
    spec_yaml = replace(var.spec_yaml, "dimensions: [[outcome]]", "dimensions: [[outcome, company_id]]")
  }

  expect_failures = [var.spec_yaml]
}

run "an_alert_on_an_unknown_metric_fails" {
  command = plan

  variables {
    spec_yaml = replace(var.spec_yaml, "metric: RedisUnreachable", "metric: RedisDown")
  }

  expect_failures = [var.spec_yaml]
}

run "a_severity_nobody_is_told_of_fails" {
  command = plan

  variables {
    spec_yaml = replace(var.spec_yaml, "ticket: [email]", "ticket: []")
  }

  expect_failures = [var.spec_yaml]
}
