# The business and system dashboards of ops/service.yaml, one Cloud Monitoring dashboard each.

locals {
  limits = { rate_limit_per_minute = var.rate_limit_per_minute, rate_limit_per_hour = var.rate_limit_per_hour }

  tiles = {
    for board, panels in module.spec.panels : board => [
      for i, p in panels : {
        xPos   = (i % 2) * 6
        yPos   = floor(i / 2) * 4
        width  = 6
        height = 4
        widget = {
          title = p.title
          xyChart = merge(
            {
              dataSets = [{
                plotType        = "LINE"
                timeSeriesQuery = jsondecode(p.objective != null ? local.ratio_queries[p.objective][p.period_minutes] : local.metric_query[board][i])
              }]
            },
            p.limit == null ? {} : { thresholds = [{ value = lookup(local.limits, p.limit, try(tonumber(p.limit), 0)) }] },
          )
        }
      }
    ]
  }

  # A metric panel's query, as JSON text (its shape differs by kind of metric).
  metric_query = {
    for board, panels in module.spec.panels : board => [
      for p in panels : p.objective != null ? "" : jsonencode({
        timeSeriesFilter = {
          filter = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this[p.metric].name}\" AND resource.type=\"cloud_run_revision\""
          aggregation = {
            alignmentPeriod = "${p.period_minutes * 60}s"
            perSeriesAligner = (
              !local.log_metrics[p.metric].distribution ? "ALIGN_SUM" :
              p.statistic == "max" ? "ALIGN_PERCENTILE_99" : "ALIGN_DELTA"
            )
            crossSeriesReducer = (
              !local.log_metrics[p.metric].distribution ? "REDUCE_SUM" :
              p.statistic == "max" ? "REDUCE_MAX" : "REDUCE_PERCENTILE_${trimprefix(p.statistic, "p")}"
            )
            groupByFields = p.by == null ? [] : ["metric.label.${p.by}"]
          }
        }
      })
    ]
  }

  # An objective's bad / total ratio, by alignment period in minutes.
  ratio_queries = {
    for name, o in module.spec.objectives : name => {
      for minutes in distinct(flatten([for panels in values(module.spec.panels) : [for p in panels : p.period_minutes if p.objective == name]])) : minutes => jsonencode({
        timeSeriesFilterRatio = {
          numerator = {
            filter      = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this[o.count_metric].name}\" AND metric.label.${o.field}=one_of(${join(",", [for v in o.bad : "\"${v}\""])})"
            aggregation = { alignmentPeriod = "${minutes * 60}s", perSeriesAligner = "ALIGN_SUM", crossSeriesReducer = "REDUCE_SUM" }
          }
          denominator = {
            filter      = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this[o.count_metric].name}\" AND metric.label.${o.field}=one_of(${join(",", [for v in o.total : "\"${v}\""])})"
            aggregation = { alignmentPeriod = "${minutes * 60}s", perSeriesAligner = "ALIGN_SUM", crossSeriesReducer = "REDUCE_SUM" }
          }
        }
      })
    }
  }
}

resource "google_monitoring_dashboard" "this" {
  for_each = local.tiles

  project = var.project_id
  dashboard_json = jsonencode({
    displayName  = "${var.service_name} ${each.key}"
    mosaicLayout = { columns = 12, tiles = each.value }
  })
}
