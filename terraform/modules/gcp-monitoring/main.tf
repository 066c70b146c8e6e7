# Log-based metrics, alert policies, notification channels and dashboards for the function, built
# from ops/service.yaml. The app's event lines reach Cloud Logging as jsonPayload (structured
# logging); each metric counts or extracts from the lines of its event.

module "spec" {
  source = "../ops-spec"

  spec_yaml = var.spec_yaml
}

locals {
  prefix = replace(lower(var.service_name), "-", "_")
  lines  = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${var.service_name}\""

  # A metric whose value is 1, or a 0/1 count, is a counter of the lines carrying it; any other
  # value (milliseconds, percent, days) is a distribution of the values.
  log_metrics = {
    for name, m in module.spec.metrics : name => {
      name         = "${local.prefix}_${lower(name)}"
      event        = m.event
      distribution = m.value_field != null && m.unit != "Count"
      value_field  = m.value_field
      unit         = lookup({ Milliseconds = "ms", Percent = "%" }, m.unit, "1")
      labels       = distinct(flatten(module.spec.events[m.event].dimensions))
      filter = join(" AND ", compact([
        local.lines,
        "jsonPayload.event=\"${m.event}\"",
        m.value_field != null && m.unit == "Count" ? "jsonPayload.${m.value_field}>=1" : "",
      ]))
    }
  }

  # One counter per zero-tolerance alert: the lines that break it.
  alert_metrics = {
    for name, a in module.spec.zero_tolerance_alerts : name => {
      name = "${local.prefix}_alert_${name}"
      filter = a.log_level != null ? "${local.lines} AND severity>=${a.log_level}" : join(" AND ", compact([
        local.lines,
        "jsonPayload.event=\"${a.event}\"",
        a.value_field != null ? "jsonPayload.${a.value_field}>=${a.at_least}" : "",
      ]))
    }
  }

  channels = {
    for severity, kinds in module.spec.notifications : severity => concat(
      contains(kinds, "email") ? [for c in google_monitoring_notification_channel.email : c.name] : [],
      contains(kinds, "webhook") ? google_monitoring_notification_channel.webhook[*].name : [],
    )
  }

  severities = { page = "CRITICAL", ticket = "WARNING" }
}

resource "google_logging_metric" "this" {
  for_each = local.log_metrics

  project          = var.project_id
  name             = each.value.name
  description      = "ops/service.yaml: ${each.key} of event ${each.value.event}."
  filter           = each.value.filter
  label_extractors = { for label in each.value.labels : label => "EXTRACT(jsonPayload.${label})" }
  value_extractor  = each.value.distribution ? "EXTRACT(jsonPayload.${each.value.value_field})" : null

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = each.value.distribution ? "DISTRIBUTION" : "INT64"
    unit        = each.value.unit

    dynamic "labels" {
      for_each = each.value.labels
      content {
        key        = labels.value
        value_type = "STRING"
      }
    }
  }

  dynamic "bucket_options" {
    for_each = each.value.distribution ? [1] : []
    content {
      exponential_buckets {
        num_finite_buckets = 64
        growth_factor      = 1.3
        scale              = 1
      }
    }
  }
}

resource "google_logging_metric" "alert" {
  for_each = local.alert_metrics

  project     = var.project_id
  name        = each.value.name
  description = "ops/service.yaml zero-tolerance alert ${each.key}: lines that break it."
  filter      = each.value.filter

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

resource "google_monitoring_notification_channel" "email" {
  for_each = toset(var.alert_emails)

  project      = var.project_id
  display_name = "${var.service_name} alerts: ${each.value}"
  type         = "email"
  labels       = { email_address = each.value }
}

resource "google_monitoring_notification_channel" "webhook" {
  count = nonsensitive(var.alert_webhook_url == null) ? 0 : 1

  project      = var.project_id
  display_name = "${var.service_name} alerts: webhook"
  type         = "webhook_tokenauth"
  labels       = { url = var.alert_webhook_url }
}
