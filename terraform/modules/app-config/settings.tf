# What an operator sets for the app, declared once: this file is app-config's, and each stack
# (terraform/aws, gcp, azure) links to it as settings.tf, so a stack takes the same object with the
# same defaults and validations and passes it through unchanged (terraform-checks'
# SettingRulesTerraformTest checks the links). Every attribute is one environment variable of the
# app, in upper case: docs/configuration.md says what each does.

variable "app" {
  description = "The app's settings, one attribute per environment variable of the same name in upper case (docs/configuration.md): freee_company_id (required), freee_dry_run, enable_structured_logging, freee_api_base_url (change only to point a test deployment at a fake freee), freee_token_url, rate_limit_per_minute / _per_hour / _per_day (freee calls for all instances together; freee allows 30 a minute, 1,500 an hour, 3,000-10,000 a day by plan), rate_limit_interactive_share_percent, concurrent_freee_calls (per instance), retry_max_attempts, max_batch_size, default_tax_entry_method, default_tax_fraction, default_withholding_tax_entry_method, default_partner_title (null leaves them unset), batch_callback_hosts (empty allows any public HTTPS host), batch_callback_port, batch_max_attempts. Attributes left out take the defaults below."
  type = object({
    freee_company_id                     = number
    freee_dry_run                        = optional(bool, false)
    enable_structured_logging            = optional(bool, true)
    freee_api_base_url                   = optional(string, "https://api.freee.co.jp")
    freee_token_url                      = optional(string, "https://accounts.secure.freee.co.jp/public_api/token")
    rate_limit_per_minute                = optional(number, 30)
    rate_limit_per_hour                  = optional(number, 1500)
    rate_limit_per_day                   = optional(number, 3000)
    rate_limit_interactive_share_percent = optional(number, 10)
    concurrent_freee_calls               = optional(number, 2)
    retry_max_attempts                   = optional(number, 5)
    max_batch_size                       = optional(number, 500)
    default_tax_entry_method             = optional(string)
    default_tax_fraction                 = optional(string)
    default_withholding_tax_entry_method = optional(string)
    default_partner_title                = optional(string)
    batch_callback_hosts                 = optional(list(string), [])
    batch_callback_port                  = optional(number, 443)
    batch_max_attempts                   = optional(number, 5)
  })
  nullable = false

  validation {
    condition     = var.app.freee_company_id == floor(var.app.freee_company_id) && var.app.freee_company_id >= 1
    error_message = "freee_company_id must be a positive whole number."
  }

  validation {
    condition     = can(regex("^https://([^/@[:space:]]+@)?[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$", var.app.freee_api_base_url)) && !endswith(var.app.freee_api_base_url, "/")
    error_message = "freee_api_base_url must be an https:// URL with a host and no trailing slash."
  }

  validation {
    condition     = can(regex("^https://([^/@[:space:]]+@)?[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$", var.app.freee_token_url)) && !endswith(var.app.freee_token_url, "/")
    error_message = "freee_token_url must be an https:// URL with a host and no trailing slash."
  }

  validation {
    condition     = var.app.rate_limit_per_minute == floor(var.app.rate_limit_per_minute) && var.app.rate_limit_per_minute >= 1 && var.app.rate_limit_per_minute <= 6000
    error_message = "rate_limit_per_minute must be a whole number from 1 to 6000 (freee allows 30 per minute)."
  }

  validation {
    condition     = var.app.rate_limit_per_hour == floor(var.app.rate_limit_per_hour) && var.app.rate_limit_per_hour >= 1 && var.app.rate_limit_per_hour <= 360000
    error_message = "rate_limit_per_hour must be a whole number from 1 to 360000 (freee allows 1500 per hour)."
  }

  validation {
    condition     = var.app.rate_limit_per_day == floor(var.app.rate_limit_per_day) && var.app.rate_limit_per_day >= 1 && var.app.rate_limit_per_day <= 8640000
    error_message = "rate_limit_per_day must be a whole number from 1 to 8640000 (freee allows 3000 to 10000 per day by plan)."
  }

  validation {
    condition     = var.app.rate_limit_interactive_share_percent == floor(var.app.rate_limit_interactive_share_percent) && var.app.rate_limit_interactive_share_percent >= 0 && var.app.rate_limit_interactive_share_percent <= 50
    error_message = "rate_limit_interactive_share_percent must be a whole number from 0 to 50."
  }

  validation {
    condition     = var.app.concurrent_freee_calls == floor(var.app.concurrent_freee_calls) && var.app.concurrent_freee_calls >= 1 && var.app.concurrent_freee_calls <= 16
    error_message = "concurrent_freee_calls must be a whole number from 1 to 16."
  }

  validation {
    condition     = var.app.retry_max_attempts == floor(var.app.retry_max_attempts) && var.app.retry_max_attempts >= 1 && var.app.retry_max_attempts <= 10
    error_message = "retry_max_attempts must be a whole number from 1 to 10."
  }

  validation {
    condition     = var.app.max_batch_size == floor(var.app.max_batch_size) && var.app.max_batch_size >= 1 && var.app.max_batch_size <= 1000
    error_message = "max_batch_size must be a whole number from 1 to 1000."
  }

  validation {
    condition     = var.app.default_tax_entry_method == null || contains(["in", "out"], coalesce(var.app.default_tax_entry_method, "-"))
    error_message = "default_tax_entry_method must be one of in, out (or null to leave it unset)."
  }

  validation {
    condition     = var.app.default_tax_fraction == null || contains(["omit", "round_up", "round"], coalesce(var.app.default_tax_fraction, "-"))
    error_message = "default_tax_fraction must be one of omit, round_up, round (or null to leave it unset)."
  }

  validation {
    condition     = var.app.default_withholding_tax_entry_method == null || contains(["in", "out"], coalesce(var.app.default_withholding_tax_entry_method, "-"))
    error_message = "default_withholding_tax_entry_method must be one of in, out (or null to leave it unset)."
  }

  validation {
    condition     = var.app.default_partner_title == null || contains(["御中", "様", "(空白)", "（空白）"], coalesce(var.app.default_partner_title, "-"))
    error_message = "default_partner_title must be one of 御中, 様, (空白), （空白） (or null to leave it unset)."
  }

  validation {
    condition     = alltrue([for h in var.app.batch_callback_hosts : can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", h))])
    error_message = "batch_callback_hosts must be lower-case host names, without scheme, port or path."
  }

  validation {
    condition     = var.app.batch_callback_port == floor(var.app.batch_callback_port) && var.app.batch_callback_port >= 1 && var.app.batch_callback_port <= 65535
    error_message = "batch_callback_port must be a whole number from 1 to 65535."
  }

  validation {
    condition     = var.app.batch_max_attempts == floor(var.app.batch_max_attempts) && var.app.batch_max_attempts >= 1 && var.app.batch_max_attempts <= 100
    error_message = "batch_max_attempts must be a whole number from 1 to 100."
  }
}

# Secrets stay variables of their own: sensitive, each from its own CI secret (TF_VAR_run_token, ...),
# so the settings above stay plain and visible in a plan.

variable "run_token" {
  description = "RUN_TOKEN: the bearer token every /v1 call must present. At least 32 characters; generate it, e.g. `openssl rand -base64 36`."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = length(var.run_token) >= 32 && !can(regex("[[:space:]]", var.run_token))
    error_message = "run_token must be at least 32 characters long, without whitespace."
  }
}

variable "run_token_previous" {
  description = "RUN_TOKEN_PREVIOUS: during a rotation of run_token, the token it replaces, still accepted until every caller sends the new one; null (default) when not rotating. See docs/security.md."
  type        = string
  sensitive   = true
  default     = null

  validation {
    condition     = try(trimspace(var.run_token_previous) == "", true) || (try(length(var.run_token_previous) >= 32, false) && !can(regex("[[:space:]]", var.run_token_previous)))
    error_message = "run_token_previous must be at least 32 characters long, without whitespace (or null when no rotation is under way)."
  }
}

variable "freee_client_id" {
  description = "FREEE_CLIENT_ID: the client id of the freee app the bridge authenticates as."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = length(var.freee_client_id) >= 1 && !can(regex("[[:space:]]", var.freee_client_id))
    error_message = "freee_client_id must not be empty or contain whitespace."
  }
}

variable "freee_client_secret" {
  description = "FREEE_CLIENT_SECRET: the client secret of the freee app."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = length(var.freee_client_secret) >= 1 && !can(regex("[[:space:]]", var.freee_client_secret))
    error_message = "freee_client_secret must not be empty or contain whitespace."
  }
}

variable "freee_refresh_token" {
  description = "FREEE_REFRESH_TOKEN: only the SEED of the refresh token. The app keeps the rotated token in Redis and adopts this value only when its SHA-256 differs from the seed it adopted before, so applying the same value again changes nothing; deploy a new value only after re-authorizing the freee app."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = length(var.freee_refresh_token) >= 1 && !can(regex("[[:space:]]", var.freee_refresh_token))
    error_message = "freee_refresh_token must not be empty or contain whitespace."
  }
}

variable "batch_callback_secret" {
  description = "BATCH_CALLBACK_SECRET: the HMAC-SHA256 key that signs asynchronous batches' callbacks (header Invoice-Bridge-Signature); receivers verify with the same value."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = length(var.batch_callback_secret) >= 32 && !can(regex("[[:space:]]", var.batch_callback_secret))
    error_message = "batch_callback_secret must be at least 32 characters long, without whitespace."
  }
}

