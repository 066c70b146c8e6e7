# The business and system dashboards of ops/service.yaml, one CloudWatch dashboard each.

locals {
  statistics = { sum = "Sum", max = "Maximum" }
  limits     = { rate_limit_per_minute = var.rate_limit_per_minute, rate_limit_per_hour = var.rate_limit_per_hour }

  widgets = {
    for board, panels in module.spec.panels : board => [
      for i, p in panels : {
        type   = "metric"
        x      = (i % 2) * 12
        y      = floor(i / 2) * 6
        width  = 12
        height = 6
        properties = merge(
          {
            title  = p.title
            region = var.region
            view   = "timeSeries"
            period = p.period_minutes * 60
            stat   = lookup(local.statistics, p.statistic, p.statistic)
            # One JSON text per kind of panel, so the three shapes need no common type.
            metrics = jsondecode(
              p.objective != null ? try(local.objective_metrics[p.objective], "[]") :
              p.by != null ? jsonencode([[{
                id         = "s"
                expression = "SEARCH('{${local.namespace},service,${p.by}} MetricName=\"${p.metric}\" service=\"${var.function_name}\"', '${lookup(local.statistics, p.statistic, p.statistic)}', ${p.period_minutes * 60})"
              }]]) :
              jsonencode([[local.namespace, p.metric, "service", var.function_name]])
            )
          },
          p.limit == null ? {} : {
            annotations = { horizontal = [{ label = "limit", value = lookup(local.limits, p.limit, try(tonumber(p.limit), 0)) }] }
          },
        )
      }
    ]
  }

  # An objective's bad ratio: its counts by the objective's field, summed and divided.
  objective_metrics = {
    for name, o in module.spec.objectives : name => jsonencode(concat(
      [for i, v in o.total : [local.namespace, o.count_metric, "service", var.function_name, o.field, v, { id = "t${i}", visible = false, stat = "Sum" }]],
      [[{
        id         = "ratio"
        label      = "bad / total"
        expression = "(${join(" + ", [for i, v in o.total : "FILL(t${i}, 0)" if contains(o.bad, v)])}) / (${join(" + ", [for i, v in o.total : "FILL(t${i}, 0)"])})"
      }]],
    ))
  }
}

resource "aws_cloudwatch_dashboard" "this" {
  for_each = local.widgets

  dashboard_name = "${var.function_name}-${each.key}"
  dashboard_body = jsonencode({ widgets = each.value })
}
