variable "spec_yaml" {
  description = "The text of ops/service.yaml (the stacks pass file(\"$${path.module}/../../ops/service.yaml\"))."
  type        = string
  nullable    = false

  validation {
    condition     = can(yamldecode(var.spec_yaml).events) && can(yamldecode(var.spec_yaml).objectives) && can(yamldecode(var.spec_yaml).zero_tolerance.alerts)
    error_message = "spec_yaml must be YAML with events, objectives and zero_tolerance.alerts (see ops/service.yaml)."
  }

  validation {
    condition = alltrue([
      for name, o in try(yamldecode(var.spec_yaml).objectives, {}) :
      try(contains(flatten(yamldecode(var.spec_yaml).events[o.event].dimensions), o.field), false)
      && length(setsubtract(toset([for v in o.bad : tostring(v)]), toset([for v in o.total : tostring(v)]))) == 0
      && length(o.bad) > 0 && o.target > 0.5 && o.target < 1
      && o.period_days >= 1 && o.period_days <= 90
    ])
    error_message = "Every objective needs an event it names, a field of that event that is one of its dimensions, bad values among the total values, 0.5 < target < 1 and period_days from 1 to 90."
  }

  validation {
    condition = alltrue([
      for name, w in try(yamldecode(var.spec_yaml).burn_rate.windows, {}) :
      w.short_minutes < w.long_minutes && w.long_minutes <= 1440 && w.short_minutes >= 5
      && w.budget_consumed > 0 && w.budget_consumed < 1
      && contains(keys(yamldecode(var.spec_yaml).notifications), w.severity)
    ]) && try(yamldecode(var.spec_yaml).burn_rate.min_events, 0) >= 1
    error_message = "Every burn-rate window pair needs 5 <= short_minutes < long_minutes <= 1440 (24 h, what every cloud can evaluate), 0 < budget_consumed < 1 and a severity with notifications; burn_rate.min_events must be at least 1."
  }

  validation {
    condition = alltrue([
      for name, a in try(yamldecode(var.spec_yaml).zero_tolerance.alerts, {}) :
      contains(keys(yamldecode(var.spec_yaml).notifications), a.severity)
      && a.at_least > 0
      && (
        try(a.log_level, null) != null
        || can(yamldecode(var.spec_yaml).events[a.event].metrics[a.metric].unit)
      )
    ])
    error_message = "Every zero-tolerance alert needs a severity with notifications, at_least > 0, and either log_level or an event with the metric it names."
  }

  validation {
    condition = alltrue([
      for name, e in try(yamldecode(var.spec_yaml).events, {}) : alltrue(concat(
        [for d in flatten(e.dimensions) : try(e.fields[d] == "string", false)],
        [for m, spec in e.metrics : tostring(spec.value) == "1" || try(e.fields[spec.value] == "number", false)],
        [length(e.dimensions) <= 29, !contains(flatten(e.dimensions), "company_id")],
      ))
    ])
    error_message = "Every event's dimensions must be string fields of the event (never company_id, fewer than 30 per set) and every metric's value 1 or a number field of the event."
  }

  validation {
    condition = alltrue([
      for severity, kinds in try(yamldecode(var.spec_yaml).notifications, {}) :
      length(kinds) > 0 && alltrue([for k in kinds : contains(["email", "webhook"], k)])
    ])
    error_message = "Every severity must notify at least one of email, webhook."
  }
}
