# invoice-bridge on Google Cloud Functions (gen2): the function with a public invoker (the app
# checks RUN_TOKEN, and Cloud Tasks' OIDC tokens on /v1/batches/work), and its monitoring. Upstash
# Redis, the app's configuration and the health check of the deployed URL are in stack.tf, which
# every stack shares.

# For stack.tf, the part every stack shares: what receives the request before the function
# (app-config checks the deadline against it), and where the function's logs are read.
locals {
  logs_hint  = "gcloud functions logs read ${var.name} --region ${var.region}"
  front_door = "gcp-function"
}

provider "google" {
  project = var.project_id
  region  = var.region
}

module "function" {
  source = "../modules/gcp-function"

  batch_dispatches_per_second     = var.app.rate_limit_per_minute / 60
  batch_max_concurrent_dispatches = var.app.concurrent_freee_calls

  name            = module.config.name
  project_id      = var.project_id
  region          = var.region
  source_zip_path = var.source_zip_path

  app     = module.config.function
  secrets = module.config.secrets

  max_instances         = module.scaling.max_instances
  requests_per_instance = var.requests_per_instance
  memory                = var.memory
  cpu                   = var.cpu
  labels                = var.labels

  scaling = {
    time_zone = module.scaling.time_zone
    jobs      = module.scaling.gcp_scheduler_jobs
  }

  iam_front_door = var.iam_front_door
  iam_invokers   = var.iam_invokers
}

# Log-based metrics, alert policies, channels and dashboards from ops/service.yaml.
module "monitoring" {
  source = "../modules/gcp-monitoring"

  spec_yaml             = file("${path.root}/../../ops/service.yaml")
  project_id            = var.project_id
  service_name          = module.function.resources.function_name
  alert_emails          = var.alert_emails
  alert_webhook_url     = var.alert_webhook_url
  rate_limit_per_minute = var.app.rate_limit_per_minute
  rate_limit_per_hour   = var.app.rate_limit_per_hour
}
