variable "name" {
  description = "Base name of every resource of the deployment (3-20 lowercase letters, digits, hyphens)."
  type        = string
  default     = "invoice-bridge"
  nullable    = false
}

variable "name_suffix" {
  description = "Suffix of the names unique across Azure (function app, storage account, Key Vault): null derives a stable one from subscription_id and name, so two subscriptions' default plans never collide; \"\" keeps the bare names of a deployment made before the suffix existed; or 1-8 lowercase letters and digits of your choice (modules/azure-names)."
  type        = string
  default     = null
}

variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline. At most 225000 (Azure's HTTP front end stops at 230 s); the host's timeout is set 5 s above it."
  type        = number
  default     = 220000
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
  description = "Primary region of the global Upstash Redis database: the Upstash region closest to the function. Upstash's AWS regions are offered for global databases: \"ap-northeast-1\" is closest to japaneast."
  type        = string
  default     = "ap-northeast-1"
  nullable    = false
}

variable "scaling_schedule" {
  description = "Overrides of the one scaling schedule (module scaling-schedule holds the defaults and validations): time_zone, business_start_hour, business_end_hour, month_end_from_day, month_end_through_day, night_and_weekend_min_instances, business_hours_min_instances, month_end_min_instances, max_instances. Azure Automation schedules set the minimums as always-ready instances; max_instances is the maximum instance count, at least 40 on Flex Consumption."
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

variable "subscription_id" {
  description = "Azure subscription to deploy into (azurerm 4.x needs it explicitly)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "location" {
  description = "Azure region with Flex Consumption, e.g. \"japaneast\"."
  type        = string
  default     = "japaneast"
  nullable    = false
}

variable "package_zip_path" {
  description = "Zip of adapters-azure/target/azure-functions/invoice-bridge/; the pipeline passes invoice-bridge-azure-<git sha>.zip (a new path redeploys)."
  type        = string
  nullable    = false
}

variable "instance_memory_mb" {
  description = "Memory of each instance in MB: 2048 or 4096."
  type        = number
  default     = 2048
  nullable    = false
}

variable "tags" {
  description = "Tags added to every Azure resource that takes tags."
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
  description = "The cloud's own identity at the front door, in addition to RUN_TOKEN: false (default) leaves the run token alone; true puts App Service's built-in authentication (Microsoft Entra ID): requests must carry an access token for iam_client_id. See docs/security.md."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_invokers" {
  description = "With iam_front_door: client ids of the Entra applications allowed to call (e.g. a caller's managed identity); empty allows any application of the tenant that can get a token for iam_client_id."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "iam_client_id" {
  description = "With iam_front_door: the client id of the Microsoft Entra application (app registration) that stands for the bridge; callers get tokens for it."
  type        = string
  default     = null
}
