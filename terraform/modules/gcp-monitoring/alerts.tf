# Alert policies: per burn-rate window pair, the bad ratio above the threshold over the long AND
# the short window AND at least min_events counted in the long window; per zero-tolerance rule,
# any line that breaks it within the evaluation window.

resource "google_monitoring_alert_policy" "burn_rate" {
  for_each = module.spec.burn_rate_alerts

  project               = var.project_id
  display_name          = "${var.service_name} ${each.key}"
  combiner              = "AND"
  severity              = local.severities[each.value.severity]
  notification_channels = local.channels[each.value.severity]

  dynamic "conditions" {
    for_each = { long = each.value.long_minutes, short = each.value.short_minutes }
    content {
      display_name = "${each.value.objective}: bad ratio over ${conditions.value} min above ${each.value.max_bad_ratio}"
      condition_threshold {
        filter             = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this[each.value.count_metric].name}\" AND resource.type=\"cloud_run_revision\" AND metric.label.${each.value.field}=one_of(${join(",", [for v in each.value.bad : "\"${v}\""])})"
        denominator_filter = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this[each.value.count_metric].name}\" AND resource.type=\"cloud_run_revision\" AND metric.label.${each.value.field}=one_of(${join(",", [for v in each.value.total : "\"${v}\""])})"
        comparison         = "COMPARISON_GT"
        threshold_value    = each.value.max_bad_ratio
        duration           = "0s"

        aggregations {
          alignment_period     = "${conditions.value * 60}s"
          per_series_aligner   = "ALIGN_SUM"
          cross_series_reducer = "REDUCE_SUM"
        }

        denominator_aggregations {
          alignment_period     = "${conditions.value * 60}s"
          per_series_aligner   = "ALIGN_SUM"
          cross_series_reducer = "REDUCE_SUM"
        }
      }
    }
  }

  conditions {
    display_name = "${each.value.objective}: at least ${each.value.min_events} events in ${each.value.long_minutes} min"
    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this[each.value.count_metric].name}\" AND resource.type=\"cloud_run_revision\" AND metric.label.${each.value.field}=one_of(${join(",", [for v in each.value.total : "\"${v}\""])})"
      comparison      = "COMPARISON_GT"
      threshold_value = each.value.min_events - 0.5
      duration        = "0s"

      aggregations {
        alignment_period     = "${each.value.long_minutes * 60}s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    subject   = "${upper(each.value.severity)} ${var.service_name}: ${each.value.objective} burns its error budget ${each.value.burn_rate}x too fast"
    content   = "${each.value.description} Runbook: ${each.value.runbook}"
  }
}

resource "google_monitoring_alert_policy" "zero_tolerance" {
  for_each = module.spec.zero_tolerance_alerts

  project               = var.project_id
  display_name          = "${var.service_name} ${each.key}"
  combiner              = "OR"
  severity              = local.severities[each.value.severity]
  notification_channels = local.channels[each.value.severity]

  conditions {
    display_name = each.value.description
    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.alert[each.key].name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"

      aggregations {
        alignment_period     = "${each.value.evaluation_minutes * 60}s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    subject   = "${upper(each.value.severity)} ${var.service_name}: ${each.key}"
    content   = "${each.value.description} Runbook: ${each.value.runbook}"
  }
}
