variable "name" {
  description = "Base name of every resource of the deployment (3-20 lowercase letters, digits, hyphens)."
  type        = string
  default     = "invoice-bridge"
  nullable    = false
}

variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline. At most 895000 behind the function URL (15 min), 25000 behind the HTTP API (30 s); the function's timeout is set 5 s above it."
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
  description = "Primary region of the global Upstash Redis database: the Upstash region closest to the function. For a Lambda in Tokyo: \"ap-northeast-1\"."
  type        = string
  default     = "ap-northeast-1"
  nullable    = false
}

variable "scaling_schedule" {
  description = "Overrides of the one scaling schedule (module scaling-schedule holds the defaults and validations): time_zone, business_start_hour, business_end_hour, month_end_from_day, month_end_through_day, night_and_weekend_min_instances, business_hours_min_instances, month_end_min_instances, max_instances. max_instances is the function's reserved concurrency; the minimums are scheduled only with warm_start = \"scheduled-provisioned-concurrency\"."
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

variable "warm_start" {
  description = "\"snap-start\" (default: cheap cold starts, nothing kept warm, so the schedule's minimums are not applied) or \"scheduled-provisioned-concurrency\" (the schedule's minimums as provisioned concurrency on the alias; SnapStart off, since Lambda does not combine them)."
  type        = string
  default     = "snap-start"
  nullable    = false
}

variable "aws_region" {
  description = "AWS region of the function, e.g. \"ap-northeast-1\" (Tokyo)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as \"ap-northeast-1\"."
  }
}

variable "front_door" {
  description = "\"function-url\" (default; requests up to 15 min) or \"http-api\" (API Gateway HTTP API; requests up to 30 s, so request_timeout_ms at most 25000)."
  type        = string
  default     = "function-url"
  nullable    = false

  validation {
    condition     = contains(["function-url", "http-api"], var.front_door)
    error_message = "front_door must be \"function-url\" or \"http-api\"."
  }
}

variable "package_path" {
  description = "The shaded jar to deploy: adapters-aws/target/invoice-bridge-aws.jar, or the versioned copy the pipeline makes (invoice-bridge-aws-<git sha>.jar)."
  type        = string
  nullable    = false
}

variable "memory_mb" {
  description = "Memory of the function in MB (CPU grows with it)."
  type        = number
  default     = 2048
  nullable    = false
}

variable "architecture" {
  description = "\"x86_64\" or \"arm64\" (cheaper per GB-second)."
  type        = string
  default     = "x86_64"
  nullable    = false
}

variable "tags" {
  description = "Tags added to every AWS resource."
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
  description = "The cloud's own identity at the front door, in addition to RUN_TOKEN: false (default) leaves the run token alone; true puts AWS_IAM on the function URL (or the HTTP API's route): requests must be SigV4-signed by an AWS identity allowed to invoke it. See docs/security.md."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_invokers" {
  description = "With iam_front_door: AWS account ids or IAM ARNs of callers in other accounts, named in the function URL's resource policy (callers in this account need only their own IAM policy)."
  type        = list(string)
  default     = []
  nullable    = false
}
