# Alarms, notifications and dashboards for the function, built from ops/service.yaml: one SNS
# topic per severity, a composite alarm per burn-rate window pair (long AND short window), a
# metric alarm per zero-tolerance rule, and the business and system dashboards.

module "spec" {
  source = "../ops-spec"

  spec_yaml = var.spec_yaml
}

locals {
  namespace = module.spec.namespace
  # ERROR lines are counted by a log metric filter, which cannot read the service from a line.
  error_namespace = "${local.namespace}/${var.function_name}"

  # Emails for every severity that notifies by e-mail, the webhook for those that notify by webhook.
  email_subscriptions = merge([
    for severity, kinds in module.spec.notifications : {
      for address in var.alert_emails : "${severity}/${address}" => { severity = severity, address = address }
    } if contains(kinds, "email")
  ]...)
  webhook_severities = [for severity, kinds in module.spec.notifications : severity if contains(kinds, "webhook")]

  # Both windows of every burn-rate pair, each an alarm of its own that the composite combines.
  window_alarms = merge([
    for key, a in module.spec.burn_rate_alerts : {
      "${key}-long"  = merge(a, { minutes = a.long_minutes, min_events = a.min_events })
      "${key}-short" = merge(a, { minutes = a.short_minutes, min_events = 1 })
    }
  ]...)
}

resource "aws_sns_topic" "this" {
  for_each = module.spec.notifications

  name = "${var.function_name}-${each.key}"
  tags = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = local.email_subscriptions

  topic_arn = aws_sns_topic.this[each.value.severity].arn
  protocol  = "email"
  endpoint  = each.value.address
}

resource "aws_sns_topic_subscription" "webhook" {
  count = nonsensitive(var.alert_webhook_url == null) ? 0 : length(local.webhook_severities)

  topic_arn              = aws_sns_topic.this[local.webhook_severities[count.index]].arn
  protocol               = "https"
  endpoint               = var.alert_webhook_url
  endpoint_auto_confirms = false
}

# The bad ratio of one objective over one window: bad / total, 0 while the window holds fewer
# than min_events counted events (so a quiet night never alarms).
resource "aws_cloudwatch_metric_alarm" "window" {
  for_each = local.window_alarms

  alarm_name          = "${var.function_name}-${each.key}"
  alarm_description   = "${each.value.description} Bad ratio over ${each.value.minutes} min above ${each.value.max_bad_ratio} (burn rate ${each.value.burn_rate}); half of the ${each.value.objective} ${each.value.window} pair."
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = each.value.max_bad_ratio
  treat_missing_data  = "notBreaching"
  tags                = var.tags

  dynamic "metric_query" {
    for_each = each.value.total
    content {
      id          = "t${metric_query.key}"
      return_data = false
      metric {
        namespace   = local.namespace
        metric_name = each.value.count_metric
        dimensions  = { service = var.function_name, (each.value.field) = metric_query.value }
        period      = each.value.minutes * 60
        stat        = "Sum"
      }
    }
  }

  metric_query {
    id          = "total"
    expression  = join(" + ", [for i, v in each.value.total : "FILL(t${i}, 0)"])
    return_data = false
  }

  metric_query {
    id          = "bad"
    expression  = join(" + ", [for i, v in each.value.total : "FILL(t${i}, 0)" if contains(each.value.bad, v)])
    return_data = false
  }

  metric_query {
    id          = "ratio"
    expression  = "IF(total >= ${each.value.min_events}, bad / total, 0)"
    label       = "bad ratio"
    return_data = true
  }
}

resource "aws_cloudwatch_composite_alarm" "burn_rate" {
  for_each = module.spec.burn_rate_alerts

  alarm_name        = "${var.function_name}-${each.key}"
  alarm_description = "${upper(each.value.severity)}: ${each.value.objective} burns its error budget ${each.value.burn_rate}x too fast over ${each.value.long_minutes} and ${each.value.short_minutes} min. Runbook: ${each.value.runbook}"
  alarm_rule        = "ALARM(\"${aws_cloudwatch_metric_alarm.window["${each.key}-long"].alarm_name}\") AND ALARM(\"${aws_cloudwatch_metric_alarm.window["${each.key}-short"].alarm_name}\")"
  alarm_actions     = [aws_sns_topic.this[each.value.severity].arn]
  ok_actions        = [aws_sns_topic.this[each.value.severity].arn]
  tags              = var.tags
}

resource "aws_cloudwatch_log_metric_filter" "error_lines" {
  name           = "${var.function_name}-error-lines"
  log_group_name = var.log_group_name
  pattern        = "{ $.level = \"ERROR\" }"

  metric_transformation {
    name          = module.spec.zero_tolerance_alerts["error_log"].metric
    namespace     = local.error_namespace
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "zero_tolerance" {
  for_each = module.spec.zero_tolerance_alerts

  alarm_name          = "${var.function_name}-${each.key}"
  alarm_description   = "${upper(each.value.severity)}: ${each.value.description} Runbook: ${each.value.runbook}"
  namespace           = each.value.log_level == null ? local.namespace : local.error_namespace
  metric_name         = each.value.metric
  dimensions          = each.value.log_level == null ? { service = var.function_name } : null
  statistic           = "Maximum"
  period              = each.value.evaluation_minutes * 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = each.value.at_least
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.this[each.value.severity].arn]
  tags                = var.tags

  depends_on = [aws_cloudwatch_log_metric_filter.error_lines]
}
