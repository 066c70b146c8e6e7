# Scheduled query rules over Application Insights, action groups and workbooks for the function,
# built from ops/service.yaml. The Functions host forwards each line the app writes to stdout to
# the traces table; a query reads an event line's JSON from its message.

module "spec" {
  source = "../ops-spec"

  spec_yaml = var.spec_yaml
}

locals {
  # The event lines of one event, with the line's JSON parsed as e.
  event_lines = {
    for event, e in module.spec.events : event => "traces | where message has '\"event\":\"${event}\"' | extend e = parse_json(substring(message, indexof(message, \"{\")))"
  }

  # Azure accepts these spellings of a window.
  durations = { for m in [5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440] : m => m < 60 ? "PT${m}M" : m < 1440 ? "PT${m / 60}H" : "P1D" }

  severities = { page = 1, ticket = 3 }

  burn_rate_queries = {
    for key, a in module.spec.burn_rate_alerts : key => join("\n", [
      "let counted = ${local.event_lines[a.event]} | extend v = tostring(e.${a.field}) | where v in (${join(", ", [for v in a.total : "'${v}'"])});",
      "let long = counted | where timestamp > ago(${a.long_minutes}m) | summarize total = count(), bad = countif(v in (${join(", ", [for v in a.bad : "'${v}'"])}));",
      "let short = counted | where timestamp > ago(${a.short_minutes}m) | summarize short_total = count(), short_bad = countif(v in (${join(", ", [for v in a.bad : "'${v}'"])}));",
      "long | extend k = 1 | join kind=inner (short | extend k = 1) on k",
      "| where total >= ${a.min_events} and todouble(bad) / total > ${a.max_bad_ratio} and short_total > 0 and todouble(short_bad) / short_total > ${a.max_bad_ratio}",
    ])
  }

  zero_tolerance_queries = {
    for name, a in module.spec.zero_tolerance_alerts : name => (
      a.log_level != null
      ? "traces | where message has '\"level\":\"${a.log_level}\"' or severityLevel >= 3"
      : a.value_field == null
      ? local.event_lines[a.event]
      : "${local.event_lines[a.event]} | where todouble(e.${a.value_field}) >= ${a.at_least}"
    )
  }
}

resource "azurerm_monitor_action_group" "this" {
  for_each = module.spec.notifications

  name                = "${var.function.name}-${each.key}"
  resource_group_name = var.function.resource_group_name
  short_name          = substr(each.key, 0, 12)
  tags                = var.tags

  dynamic "email_receiver" {
    for_each = contains(each.value, "email") ? var.alert_emails : []
    content {
      name                    = "email-${email_receiver.key}"
      email_address           = email_receiver.value
      use_common_alert_schema = true
    }
  }

  dynamic "webhook_receiver" {
    for_each = contains(each.value, "webhook") && !nonsensitive(var.alert_webhook_url == null) ? [1] : []
    content {
      name                    = "webhook"
      service_uri             = var.alert_webhook_url
      use_common_alert_schema = true
    }
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "burn_rate" {
  for_each = module.spec.burn_rate_alerts

  name                 = "${var.function.name}-${each.key}"
  resource_group_name  = var.function.resource_group_name
  location             = var.function.location
  scopes               = [var.function.application_insights_id]
  description          = "${each.value.description} Burn rate ${each.value.burn_rate} over ${each.value.long_minutes} and ${each.value.short_minutes} min. Runbook: ${each.value.runbook}"
  severity             = local.severities[each.value.severity]
  window_duration      = local.durations[each.value.long_minutes]
  evaluation_frequency = local.durations[min(each.value.short_minutes, 15)]
  tags                 = var.tags

  criteria {
    query                   = local.burn_rate_queries[each.key]
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.this[each.value.severity].id]
  }
}

resource "azurerm_monitor_scheduled_query_rules_alert_v2" "zero_tolerance" {
  for_each = module.spec.zero_tolerance_alerts

  name                 = "${var.function.name}-${each.key}"
  resource_group_name  = var.function.resource_group_name
  location             = var.function.location
  scopes               = [var.function.application_insights_id]
  description          = "${each.value.description} Runbook: ${each.value.runbook}"
  severity             = local.severities[each.value.severity]
  window_duration      = local.durations[each.value.evaluation_minutes]
  evaluation_frequency = local.durations[each.value.evaluation_minutes]
  tags                 = var.tags

  criteria {
    query                   = local.zero_tolerance_queries[each.key]
    time_aggregation_method = "Count"
    operator                = "GreaterThan"
    threshold               = 0

    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.this[each.value.severity].id]
  }
}
