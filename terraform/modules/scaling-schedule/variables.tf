variable "schedule" {
  description = <<-EOT
    The one scaling schedule of every cloud, in local time of time_zone. Three periods, each with a minimum of warm instances:
    month_end (every hour of the days from month_end_from_day to the end of the month and of days 1 to month_end_through_day of the next month, weekends and nights included),
    business_hours (Monday to Friday, business_start_hour to business_end_hour, outside month-end) and night_and_weekend (every other hour).
    max_instances caps every period. Attributes left out (or null) take the product owner's defaults: Asia/Tokyo, 9-18, day 25 to day 3, minimums 0/2/4, maximum 10.
  EOT
  type = object({
    time_zone                       = optional(string, "Asia/Tokyo")
    business_start_hour             = optional(number, 9)
    business_end_hour               = optional(number, 18)
    month_end_from_day              = optional(number, 25)
    month_end_through_day           = optional(number, 3)
    night_and_weekend_min_instances = optional(number, 0)
    business_hours_min_instances    = optional(number, 2)
    month_end_min_instances         = optional(number, 4)
    max_instances                   = optional(number, 10)
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["Asia/Tokyo", "UTC"], var.schedule.time_zone)
    error_message = "schedule.time_zone must be \"Asia/Tokyo\" or \"UTC\": zones without daylight saving time, because Azure Automation schedules take their start time with a fixed UTC offset."
  }

  validation {
    condition = alltrue([for h in [var.schedule.business_start_hour, var.schedule.business_end_hour] : h == floor(h)]) && (
      var.schedule.business_start_hour >= 1 && var.schedule.business_start_hour < var.schedule.business_end_hour && var.schedule.business_end_hour <= 23
    )
    error_message = "schedule.business_start_hour and business_end_hour must be whole hours with 1 <= start < end <= 23 (business hours never touch midnight, where month-end begins and ends)."
  }

  validation {
    condition     = var.schedule.month_end_from_day == floor(var.schedule.month_end_from_day) && var.schedule.month_end_from_day >= 15 && var.schedule.month_end_from_day <= 26
    error_message = "schedule.month_end_from_day must be a whole day from 15 to 26 (26 at most, so that month-end holds at least the last three days of every month, February's 26th-28th included)."
  }

  validation {
    condition     = var.schedule.month_end_through_day == floor(var.schedule.month_end_through_day) && var.schedule.month_end_through_day >= 0 && var.schedule.month_end_through_day <= 7
    error_message = "schedule.month_end_through_day must be a whole day from 0 (month-end stops with the month) to 7."
  }

  validation {
    condition = alltrue([for n in [var.schedule.night_and_weekend_min_instances, var.schedule.business_hours_min_instances, var.schedule.month_end_min_instances] : n == floor(n) && n >= 0]) && (
      var.schedule.night_and_weekend_min_instances <= var.schedule.business_hours_min_instances && var.schedule.business_hours_min_instances <= var.schedule.month_end_min_instances
    )
    error_message = "schedule minimums must be whole numbers, 0 or more, with night_and_weekend <= business_hours <= month_end (business-hours start only raises the minimum, so a lower month-end would be overridden)."
  }

  validation {
    condition     = var.schedule.max_instances == floor(var.schedule.max_instances) && var.schedule.max_instances >= 1 && var.schedule.max_instances <= 100 && var.schedule.month_end_min_instances <= var.schedule.max_instances
    error_message = "schedule.max_instances must be a whole number from 1 to 100 and at least month_end_min_instances."
  }
}
