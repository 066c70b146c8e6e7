# The business and system dashboards of ops/service.yaml, one Application Insights workbook each.

locals {
  limits = { rate_limit_per_minute = var.rate_limit_per_minute, rate_limit_per_hour = var.rate_limit_per_hour }

  # The KQL aggregate of a panel's statistic over the metric's member of the event line.
  aggregates = {
    for board, panels in module.spec.panels : board => [
      for p in panels : p.objective != null ? "" : (
        p.value_field == null ? "count()" :
        p.statistic == "sum" ? "sum(todouble(e.${p.value_field}))" :
        p.statistic == "max" ? "max(todouble(e.${p.value_field}))" :
        "percentile(todouble(e.${p.value_field}), ${trimprefix(p.statistic, "p")})"
      )
    ]
  }

  panel_queries = {
    for board, panels in module.spec.panels : board => [
      for i, p in panels : p.objective != null ? join(" ", [
        "${local.event_lines[p.event]} | extend v = tostring(e.${module.spec.objectives[p.objective].field})",
        "| summarize bad = countif(v in (${join(", ", [for v in module.spec.objectives[p.objective].bad : "'${v}'"])})), total = countif(v in (${join(", ", [for v in module.spec.objectives[p.objective].total : "'${v}'"])})) by bin(timestamp, ${p.period_minutes}m)",
        "| project timestamp, bad_ratio = iff(total == 0, 0.0, todouble(bad) / total)",
        ]) : join(" ", compact([
          local.event_lines[p.event],
          "| summarize value = ${local.aggregates[board][i]} by bin(timestamp, ${p.period_minutes}m)${p.by == null ? "" : ", ${p.by} = tostring(e.${p.by})"}",
          p.limit == null ? "" : "| extend limit = ${lookup(local.limits, p.limit, try(tonumber(p.limit), 0))}",
      ]))
    ]
  }
}

resource "azurerm_application_insights_workbook" "this" {
  for_each = module.spec.panels

  name                = uuidv5("url", "https://github.com/invoice-bridge/${var.function.name}/${each.key}")
  display_name        = "${var.function.name} ${each.key}"
  resource_group_name = var.function.resource_group_name
  location            = var.function.location
  source_id           = lower(var.function.application_insights_id)
  category            = "workbook"
  tags                = var.tags

  data_json = jsonencode({
    version             = "Notebook/1.0"
    fallbackResourceIds = [var.function.application_insights_id]
    items = [
      for i, p in each.value : {
        type = 3
        name = "panel-${i}"
        content = {
          version       = "KqlItem/1.0"
          title         = p.title
          query         = local.panel_queries[each.key][i]
          size          = 0
          queryType     = 0
          resourceType  = "microsoft.insights/components"
          visualization = "timechart"
          timeContext   = { durationMs = 86400000 }
        }
      }
    ]
  })
}
