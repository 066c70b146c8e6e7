# invoice-bridge on Google Cloud Functions (gen2): Upstash Redis + the function with a public
# invoker (the app checks RUN_TOKEN, and Cloud Tasks' OIDC tokens on /v1/batches/work), then a
# health check of the deployed URL.

provider "google" {
  project = var.project_id
  region  = var.region
}

provider "upstash" {
  email   = var.upstash_email
  api_key = var.upstash_api_key
}

module "redis" {
  source = "../modules/upstash-redis"

  name           = var.name
  primary_region = var.redis_primary_region
}

# TOKEN_ENCRYPTION_KEYS, made by Terraform: raise encryption_key_generation to rotate.
module "token_keys" {
  source = "../modules/token-encryption-keys"

  generation = var.encryption_key_generation
}

module "config" {
  source = "../modules/app-config"

  name               = var.name
  front_door         = "gcp-function"
  request_timeout_ms = var.request_timeout_ms
  app                = var.app

  run_token             = var.run_token
  run_token_previous    = var.run_token_previous
  freee_client_id       = var.freee_client_id
  freee_client_secret   = var.freee_client_secret
  freee_refresh_token   = var.freee_refresh_token
  batch_callback_secret = var.batch_callback_secret
  redis_url             = module.redis.url
  token_encryption_keys = module.token_keys.keys
}

module "scaling" {
  source = "../modules/scaling-schedule"

  schedule = var.scaling_schedule
}

module "function" {
  source = "../modules/gcp-function"

  batch_dispatches_per_second     = var.app.rate_limit_per_minute / 60
  batch_max_concurrent_dispatches = var.app.concurrent_freee_calls
  batch_max_delivery_attempts     = module.config.batch_queue_max_deliveries

  name            = module.config.name
  project_id      = var.project_id
  region          = var.region
  source_zip_path = var.source_zip_path

  environment        = module.config.environment
  secret_names       = module.config.secret_names
  secrets            = module.config.secrets
  request_timeout_ms = module.config.request_timeout_ms
  timeout_seconds    = module.config.function_timeout_seconds

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
  service_name          = module.function.function_name
  alert_emails          = var.alert_emails
  alert_webhook_url     = var.alert_webhook_url
  rate_limit_per_minute = var.app.rate_limit_per_minute
  rate_limit_per_hour   = var.app.rate_limit_per_hour
}

# After every apply: /health must answer 200 with "UP". A failed check is reported as a warning
# by Terraform; the deployment pipeline checks the same URL and rolls back on failure.
check "health" {
  data "http" "health" {
    url                = module.function.health_url
    request_timeout_ms = 15000

    retry {
      attempts     = 5
      min_delay_ms = 2000
      max_delay_ms = 15000
    }
  }

  assert {
    condition     = data.http.health.status_code == 200 && strcontains(data.http.health.response_body, "UP")
    error_message = "GET ${module.function.health_url} did not answer 200 with \"UP\": read the function's logs (gcloud functions logs read ${var.name} --region ${var.region})."
  }
}
