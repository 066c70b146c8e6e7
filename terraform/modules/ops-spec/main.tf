# Reads ops/service.yaml and computes what every cloud's monitoring builds from it: the metrics,
# the burn-rate window pairs with their thresholds, the zero-tolerance alerts, who is told, the
# dashboard panels. Provider-free, so `terraform test` checks it offline.

locals {
  spec = yamldecode(var.spec_yaml)

  # Every metric by name, with the event line that carries it; value_field is null for a metric
  # whose value is always 1 (a count of lines).
  metrics = merge([
    for event, e in local.spec.events : {
      for name, m in e.metrics : name => {
        event       = event
        unit        = m.unit
        value_field = tostring(m.value) == "1" ? null : m.value
      }
    }
  ]...)

  objectives = {
    for name, o in local.spec.objectives : name => {
      description  = o.description
      event        = o.event
      field        = o.field
      total        = [for v in o.total : tostring(v)]
      bad          = [for v in o.bad : tostring(v)]
      good         = [for v in o.total : tostring(v) if !contains([for b in o.bad : tostring(b)], tostring(v))]
      target       = o.target
      error_budget = 1 - o.target
      period_days  = o.period_days
      # The event's first metric counts its lines (value 1).
      count_metric = [for m, spec in local.spec.events[o.event].metrics : m if tostring(spec.value) == "1"][0]
    }
  }

  # One alert per objective and window pair. burn_rate = budget_consumed x period / long window
  # (SRE workbook); the alert fires when the bad ratio exceeds burn_rate x error budget in both
  # windows and the long window holds at least min_events counted events.
  burn_rate_alerts = merge([
    for objective, o in local.objectives : {
      for window, w in local.spec.burn_rate.windows : "${objective}-${window}" => merge(o, {
        objective     = objective
        window        = window
        severity      = w.severity
        long_minutes  = w.long_minutes
        short_minutes = w.short_minutes
        # Rounded to 6 significant digits so queries and descriptions show 0.0672, not a binary tail.
        burn_rate     = tonumber(format("%.6g", w.budget_consumed * o.period_days * 24 * 60 / w.long_minutes))
        max_bad_ratio = tonumber(format("%.6g", w.budget_consumed * o.period_days * 24 * 60 / w.long_minutes * o.error_budget))
        min_events    = local.spec.burn_rate.min_events
        runbook       = "docs/operations.md#${objective}"
      })
    }
  ]...)

  zero_tolerance_alerts = {
    for name, a in local.spec.zero_tolerance.alerts : name => {
      description        = a.description
      severity           = a.severity
      metric             = a.metric
      at_least           = a.at_least
      evaluation_minutes = local.spec.zero_tolerance.evaluation_minutes
      log_level          = try(a.log_level, null)
      event              = try(a.event, null)
      unit               = try(local.metrics[a.metric].unit, "Count")
      # The line's member holding the value; null when every line of the event counts.
      value_field = try(local.metrics[a.metric].value_field, null)
      # The alert's entry in the runbook, relative to the repository's root.
      runbook = "docs/operations.md#${name}"
    }
  }

  notifications = { for severity, kinds in local.spec.notifications : severity => toset(kinds) }

  panels = {
    for board, panels in local.spec.dashboards : board => [
      for p in panels : {
        title          = p.title
        metric         = try(p.metric, null)
        event          = try(local.metrics[p.metric].event, local.objectives[p.objective].event)
        value_field    = try(local.metrics[p.metric].value_field, null)
        statistic      = try(p.statistic, "sum")
        by             = try(p.by, null)
        period_minutes = p.period_minutes
        limit          = try(tostring(p.limit), null)
        objective      = try(p.objective, null)
      }
    ]
  }
}
