# invoice-bridge on AWS Lambda: the function behind a function URL (default) or an API Gateway
# HTTP API, and its monitoring. Upstash Redis, the app's configuration and the health check of the
# deployed URL are in stack.tf, which every stack shares.

# For stack.tf, the part every stack shares: what receives the request before the function
# (app-config checks the deadline against it), and where the function's logs are read.
locals {
  logs_hint  = "aws logs tail /aws/lambda/${var.name}"
  front_door = "aws-${var.front_door}"
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = var.tags
  }
}

module "function" {
  source = "../modules/aws-function"

  name         = module.config.name
  package_path = var.package_path
  front_door   = var.front_door

  app     = module.config.function
  secrets = module.config.secrets

  memory_mb     = var.memory_mb
  architecture  = var.architecture
  warm_start    = var.warm_start
  max_instances = module.scaling.max_instances
  tags          = var.tags

  scaling = {
    time_zone         = module.scaling.time_zone
    scheduled_actions = module.scaling.aws_scheduled_actions
  }

  iam_front_door = var.iam_front_door
  iam_invokers   = var.iam_invokers
}

# Alarms, notifications and dashboards from the service specification (ops/service.yaml).
module "monitoring" {
  source = "../modules/aws-monitoring"

  spec_yaml             = file("${path.root}/../../ops/service.yaml")
  function_name         = module.function.resources.function_name
  log_group_name        = module.function.resources.log_group_name
  region                = var.aws_region
  alert_emails          = var.alert_emails
  alert_webhook_url     = var.alert_webhook_url
  rate_limit_per_minute = var.app.rate_limit_per_minute
  rate_limit_per_hour   = var.app.rate_limit_per_hour
  tags                  = var.tags
}
