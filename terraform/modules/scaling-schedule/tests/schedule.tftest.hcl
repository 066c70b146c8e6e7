# Plan-only tests of the schedule: no provider, no cloud account, runs offline in seconds.
# terraform-checks evaluates the rendered expressions over whole months (ScalingScheduleTest).

run "defaults_are_the_product_owners_schedule" {
  command = plan

  assert {
    condition     = output.time_zone == "Asia/Tokyo" && output.utc_offset == "+09:00"
    error_message = "The schedule must run in Asia/Tokyo by default."
  }

  assert {
    condition     = output.min_instances == { night_and_weekend = 0, business_hours = 2, month_end = 4 } && output.max_instances == 10
    error_message = "Defaults: 0 at night and weekends, 2 in business hours, 4 at month-end, at most 10."
  }
}

run "aws_gets_cron_with_one_day_field_and_raises_at_business_start" {
  command = plan

  assert {
    condition = output.aws_scheduled_actions == {
      "month-end-starts"     = { schedule = "cron(0 0 25 * ? *)", min_capacity = 4, max_capacity = 4 }
      "month-end-ends"       = { schedule = "cron(0 0 4 * ? *)", min_capacity = 0, max_capacity = 0 }
      "business-hours-start" = { schedule = "cron(0 9 ? * MON-FRI *)", min_capacity = 2, max_capacity = 10 }
      "business-hours-end"   = { schedule = "cron(0 18 4-24 * ? *)", min_capacity = 0, max_capacity = 0 }
    }
    error_message = "AWS scheduled actions differ from the default schedule: ${jsonencode(output.aws_scheduled_actions)}"
  }
}

run "gcp_gets_unix_cron_and_month_end_set_again_after_business_start" {
  command = plan

  assert {
    condition = output.gcp_scheduler_jobs == {
      "month-end-starts"                     = { schedule = "0 0 25 * *", min_instances = 4 }
      "month-end-ends"                       = { schedule = "0 0 4 * *", min_instances = 0 }
      "business-hours-start"                 = { schedule = "0 9 * * 1-5", min_instances = 2 }
      "business-hours-start-keeps-month-end" = { schedule = "1 9 1-3,25-31 * *", min_instances = 4 }
      "business-hours-end"                   = { schedule = "0 18 4-24 * *", min_instances = 0 }
    }
    error_message = "Cloud Scheduler jobs differ from the default schedule: ${jsonencode(output.gcp_scheduler_jobs)}"
  }
}

run "azure_gets_monthly_and_weekly_schedules" {
  command = plan

  assert {
    condition = (
      output.azure_schedules["business-hours-start"].frequency == "Week"
      && output.azure_schedules["business-hours-start"].week_days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
      && output.azure_schedules["business-hours-start"].raise_only
      && output.azure_schedules["business-hours-end"].month_days == range(4, 25)
      && output.azure_schedules["month-end-starts"].time_of_day == "00:00"
    )
    error_message = "Azure schedules differ from the default schedule: ${jsonencode(output.azure_schedules)}"
  }
}

run "month_end_without_next_month_days" {
  command = plan

  variables {
    schedule = { month_end_from_day = 26, month_end_through_day = 0, business_start_hour = 8, business_end_hour = 20 }
  }

  assert {
    condition = (
      output.aws_scheduled_actions["month-end-ends"].schedule == "cron(0 0 1 * ? *)"
      && output.aws_scheduled_actions["business-hours-end"].schedule == "cron(0 20 1-25 * ? *)"
      && output.gcp_scheduler_jobs["business-hours-start-keeps-month-end"].schedule == "1 8 26-31 * *"
    )
    error_message = "A month-end from the 26th to the end of the month must end on the 1st: ${jsonencode(output.gcp_scheduler_jobs)}"
  }
}

run "unknown_time_zone_fails" {
  command = plan

  variables {
    schedule = { time_zone = "Europe/Berlin" }
  }

  expect_failures = [var.schedule]
}

run "business_hours_touching_midnight_fail" {
  command = plan

  variables {
    schedule = { business_start_hour = 0 }
  }

  expect_failures = [var.schedule]
}

run "month_end_missing_februarys_last_three_days_fails" {
  command = plan

  variables {
    schedule = { month_end_from_day = 27 }
  }

  expect_failures = [var.schedule]
}

run "month_end_below_business_hours_fails" {
  command = plan

  variables {
    schedule = { business_hours_min_instances = 3, month_end_min_instances = 2 }
  }

  expect_failures = [var.schedule]
}

run "max_below_month_end_minimum_fails" {
  command = plan

  variables {
    schedule = { month_end_min_instances = 6, max_instances = 5 }
  }

  expect_failures = [var.schedule]
}

run "fractional_minimum_fails" {
  command = plan

  variables {
    schedule = { business_hours_min_instances = 1.5 }
  }

  expect_failures = [var.schedule]
}
