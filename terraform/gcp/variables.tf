variable "name" {
  description = "Base name of every resource of the deployment (3-20 lowercase letters, digits, hyphens)."
  type        = string
  default     = "invoice-bridge"
  nullable    = false
}

variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline. At most 3595000 (Cloud Functions allow 60 min); the function's timeout is set 5 s above it."
  type        = number
  default     = 300000
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
  description = "Primary region of the global Upstash Redis database: the Upstash region closest to the function. Upstash's AWS regions are offered for global databases: \"ap-northeast-1\" is closest to asia-northeast1."
  type        = string
  default     = "ap-northeast-1"
  nullable    = false
}

variable "scaling_schedule" {
  description = "Overrides of the one scaling schedule (module scaling-schedule holds the defaults and validations): time_zone, business_start_hour, business_end_hour, month_end_from_day, month_end_through_day, night_and_weekend_min_instances, business_hours_min_instances, month_end_min_instances, max_instances. Cloud Scheduler jobs set the minimums; max_instances is the function's maximum instance count."
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

variable "project_id" {
  description = "Google Cloud project to deploy into."
  type        = string
  nullable    = false
}

variable "region" {
  description = "Region of the function, e.g. \"asia-northeast1\" (Tokyo)."
  type        = string
  default     = "asia-northeast1"
  nullable    = false
}

variable "source_zip_path" {
  description = "Zip of adapters-gcp/target/deploy/ (the single shaded jar invoice-bridge-gcp.jar); the pipeline passes invoice-bridge-gcp-<git sha>.zip."
  type        = string
  nullable    = false
}

variable "memory" {
  description = "Memory of each instance, e.g. \"2Gi\"."
  type        = string
  default     = "2Gi"
  nullable    = false
}

variable "cpu" {
  description = "vCPUs of each instance, e.g. \"1\"."
  type        = string
  default     = "1"
  nullable    = false
}

variable "requests_per_instance" {
  description = "Requests one instance serves at once; 1 keeps one request per instance."
  type        = number
  default     = 1
  nullable    = false
}

variable "labels" {
  description = "Labels added to every resource that takes labels."
  type        = map(string)
  default     = { application = "invoice-bridge" }
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

variable "alert_emails" {
  description = "Addresses told of every alert of ops/service.yaml (page and ticket)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be e-mail addresses."
  }
}

variable "alert_webhook_url" {
  description = "HTTPS webhook told of page alerts (e.g. a chat's incoming webhook or a relay to it); null for none."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.alert_webhook_url == null || can(regex("^https://", var.alert_webhook_url))
    error_message = "alert_webhook_url must start with https://."
  }
}

variable "encryption_key_generation" {
  description = "Generation of TOKEN_ENCRYPTION_KEYS, the keys Terraform makes to seal the freee token record in Redis: raise it by one to rotate (the new key seals, the previous one still opens; see docs/security.md)."
  type        = number
  default     = 1
  nullable    = false
}

variable "iam_front_door" {
  description = "The cloud's own identity at the front door, in addition to RUN_TOKEN: false (default) leaves the run token alone; true puts no allUsers invoker: requests must carry a Google ID token of a member of iam_invokers (in X-Serverless-Authorization). See docs/security.md."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_invokers" {
  description = "With iam_front_door: IAM members given the invoker role, e.g. \"serviceAccount:caller@PROJECT.iam.gserviceaccount.com\"; include the identity that runs the deployment, whose health check must get through."
  type        = list(string)
  default     = []
  nullable    = false
}
