# What every stack (terraform/aws, gcp, azure) has alike, written once: each links to this file as
# its stack.tf. Each stack sets local.front_door and local.logs_hint and declares module
# "function" (its output front_door: url, auth) in its own files. Terraform reads a linked file as
# one of the stack's own, so paths here are relative to the stack's directory.

locals {
  # Every function module serves the unauthenticated health endpoint at the same path.
  health_url = "${module.function.front_door.url}/health"
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
  front_door         = local.front_door
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

# After every apply: /health must answer 200 with "UP". A failed check is reported as a warning
# by Terraform; the deployment pipeline checks the same URL and rolls back on failure.
check "health" {
  data "http" "health" {
    url                = local.health_url
    request_timeout_ms = 15000

    retry {
      attempts     = 5
      min_delay_ms = 2000
      max_delay_ms = 15000
    }
  }

  assert {
    condition     = data.http.health.status_code == 200 && strcontains(data.http.health.response_body, "UP")
    error_message = "GET ${local.health_url} did not answer 200 with \"UP\": read the function's logs (${local.logs_hint})."
  }
}

variable "name" {
  description = "Base name of every resource of the deployment (3-20 lowercase letters, digits, hyphens)."
  type        = string
  default     = "invoice-bridge"
  nullable    = false
}

variable "upstash_email" {
  description = "E-mail of the Upstash account that owns the Redis database."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+$", var.upstash_email))
    error_message = "upstash_email must be an e-mail address."
  }
}

variable "upstash_api_key" {
  description = "Upstash management API key (Upstash console, Account, Management API)."
  type        = string
  sensitive   = true
  nullable    = false
}

variable "redis_primary_region" {
  description = "Primary region of the global Upstash Redis database: the Upstash region closest to the function. Upstash's AWS regions are offered for global databases: \"ap-northeast-1\" (Tokyo) is closest to a function in Tokyo on every cloud (AWS ap-northeast-1, GCP asia-northeast1, Azure japaneast)."
  type        = string
  default     = "ap-northeast-1"
  nullable    = false
}

variable "artifact_version" {
  description = "Version of the deployed artifact (the pipeline passes the git sha); shown in the outputs so the next deployment knows what to roll back to."
  type        = string
  default     = "unversioned"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,64}$", var.artifact_version))
    error_message = "artifact_version must be 1-64 letters, digits, dots, hyphens or underscores (e.g. a git sha)."
  }
}

variable "encryption_key_generation" {
  description = "Generation of TOKEN_ENCRYPTION_KEYS, the keys Terraform makes to seal the freee token record in Redis: raise it by one to rotate (the new key seals, the previous one still opens; see docs/security.md)."
  type        = number
  default     = 1
  nullable    = false
}

variable "iam_front_door" {
  description = "The cloud's own identity at the front door, in addition to RUN_TOKEN: false (default) leaves the run token alone; true makes the front door demand it. On AWS, AWS_IAM on the function URL (or the HTTP API's route): requests must be SigV4-signed by an AWS identity allowed to invoke it. On GCP, no allUsers invoker: requests must carry a Google ID token of a member of iam_invokers (in X-Serverless-Authorization). On Azure, App Service's built-in authentication (Microsoft Entra ID): requests must carry an access token for iam_client_id. See docs/security.md."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_invokers" {
  description = "With iam_front_door, who may call. On AWS, account ids or IAM ARNs of callers in other accounts, named in the function URL's resource policy (callers in this account need only their own IAM policy). On GCP, IAM members given the invoker role, e.g. \"serviceAccount:caller@PROJECT.iam.gserviceaccount.com\"; include the identity that runs the deployment, whose health check must get through. On Azure, client ids of the Entra applications allowed to call (e.g. a caller's managed identity); empty allows any application of the tenant that can get a token for iam_client_id."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "scaling_schedule" {
  description = "Overrides of the one scaling schedule (module scaling-schedule holds the defaults and validations): time_zone, business_start_hour, business_end_hour, month_end_from_day, month_end_through_day, night_and_weekend_min_instances, business_hours_min_instances, month_end_min_instances, max_instances. How each cloud applies the minimums and the maximum: docs/deploying.md, Scaling on a schedule."
  type = object({
    time_zone                       = optional(string)
    business_start_hour             = optional(number)
    business_end_hour               = optional(number)
    month_end_from_day              = optional(number)
    month_end_through_day           = optional(number)
    night_and_weekend_min_instances = optional(number)
    business_hours_min_instances    = optional(number)
    month_end_min_instances         = optional(number)
    max_instances                   = optional(number)
  })
  default  = {}
  nullable = false
}

output "url" {
  description = "Base URL of the bridge."
  value       = module.function.front_door.url
}

output "health_url" {
  description = "Unauthenticated health endpoint: GET answers 200 with \"UP\"."
  value       = local.health_url
}

output "redis_app_user" {
  description = "What terraform/scripts/redis-app-user.sh needs to create or update the app's own Redis user (deploy.sh runs it after every apply): Upstash's REST URL and administration token, the user's name and password."
  value       = module.redis.app_user
  sensitive   = true
}

output "redis_endpoint" {
  description = "Host name of the Upstash Redis database (the password stays in the secrets)."
  value       = module.redis.endpoint
}

output "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS the app runs with."
  value       = module.config.function.request_timeout_ms
}

output "function_timeout_seconds" {
  description = "Timeout of the function: above REQUEST_TIMEOUT_MS, at most the front door's limit."
  value       = module.config.function.timeout_seconds
}

output "deployed_version" {
  description = "Version of the artifact this state deployed (artifact_version); the pipeline rolls back to it when a later deployment fails its health check."
  value       = var.artifact_version
}

output "front_door_auth" {
  description = "What the front door demands besides the run token (\"none\" unless iam_front_door); deploy.sh hands it to check-health.sh, which then authenticates as the deploying identity."
  value       = module.function.front_door.auth
}

output "scaling" {
  description = "The scaling schedule in effect: time zone, warm minimum per period and maximum (module scaling-schedule), and how the cloud applies them (the function module's resources.scaling): on AWS warm_start and scheduled_actions, on GCP scheduler_jobs, on Azure maximum_instance_count (at least 40) and automation_schedules."
  value = merge(
    {
      time_zone     = module.scaling.time_zone
      min_instances = module.scaling.min_instances
      max_instances = module.scaling.max_instances
    },
    module.function.resources.scaling,
  )
}

output "monitoring" {
  description = "What watches the function (module monitoring's watching): on AWS the SNS topic of each severity, every alarm that notifies, the dashboards and the namespace of the ERROR-line count; on GCP every alert policy, the log-based metrics, the dashboards; on Azure the action group of each severity, every alert rule, the workbooks."
  value       = module.monitoring.watching
}
