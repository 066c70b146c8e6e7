# Provisioned concurrency on the alias, on the schedule of module scaling-schedule, when
# warm_start = "scheduled-provisioned-concurrency". Application Auto Scaling owns the provisioned
# concurrency then: at each scheduled action it scales the alias up to min_capacity or down to
# max_capacity. Reserved concurrency (max_instances) stays the cap in both modes.

locals {
  scheduled_provisioned_concurrency = var.warm_start == "scheduled-provisioned-concurrency"
}

resource "aws_appautoscaling_target" "provisioned_concurrency" {
  count = local.scheduled_provisioned_concurrency ? 1 : 0

  service_namespace  = "lambda"
  resource_id        = "function:${aws_lambda_alias.this.function_name}:${aws_lambda_alias.this.name}"
  scalable_dimension = "lambda:function:ProvisionedConcurrency"
  min_capacity       = 0
  max_capacity       = coalesce(var.max_instances, 0)
  tags               = var.tags

  lifecycle {
    # The scheduled actions move both bounds; Terraform sets them only when the target is created.
    ignore_changes = [min_capacity, max_capacity]

    precondition {
      condition     = var.max_instances != null && alltrue([for a in values(var.scaling.scheduled_actions) : a.max_capacity <= coalesce(var.max_instances, 0)])
      error_message = "Scheduled provisioned concurrency needs max_instances (reserved concurrency) set and at least every scheduled max_capacity: Lambda cannot provision more than it reserves."
    }
  }
}

resource "aws_appautoscaling_scheduled_action" "provisioned_concurrency" {
  for_each = local.scheduled_provisioned_concurrency ? var.scaling.scheduled_actions : {}

  name               = "${var.name}-${each.key}"
  service_namespace  = aws_appautoscaling_target.provisioned_concurrency[0].service_namespace
  resource_id        = aws_appautoscaling_target.provisioned_concurrency[0].resource_id
  scalable_dimension = aws_appautoscaling_target.provisioned_concurrency[0].scalable_dimension
  schedule           = each.value.schedule
  timezone           = var.scaling.time_zone

  scalable_target_action {
    min_capacity = each.value.min_capacity
    max_capacity = each.value.max_capacity
  }
}
