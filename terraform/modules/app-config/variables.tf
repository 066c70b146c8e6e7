variable "name" {
  description = "Base name of every resource of the deployment, e.g. \"invoice-bridge\". Lowercase letters, digits and hyphens, 3-20 characters, so that derived names (Azure Key Vault and storage account, GCP service account) stay inside their clouds' limits."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name))
    error_message = "name must be 3-20 characters of lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit."
  }
}

variable "front_door" {
  description = "What receives the HTTP request before the function, which caps how long a request may run: \"aws-function-url\" (15 min), \"aws-http-api\" (API Gateway HTTP API, 30 s), \"gcp-function\" (Cloud Functions gen2, 60 min) or \"azure-http-trigger\" (Azure HTTP trigger, 230 s)."
  type        = string

  validation {
    condition     = contains(["aws-function-url", "aws-http-api", "gcp-function", "azure-http-trigger"], var.front_door)
    error_message = "front_door must be one of \"aws-function-url\", \"aws-http-api\", \"gcp-function\", \"azure-http-trigger\"."
  }
}

variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline in milliseconds; the app writes its (partial) response before it. Must stay at least 5 s below the front door's limit (HTTP API 30 s, Azure 230 s, function URL 15 min, Cloud Functions 60 min). Product owner's guidance: one call 30 s, about 100 items 2 min, about 500 items 5 min."
  type        = number

  validation {
    condition     = var.request_timeout_ms == floor(var.request_timeout_ms) && var.request_timeout_ms >= 2000 && var.request_timeout_ms <= 3595000
    error_message = "request_timeout_ms must be a whole number from 2000 to 3595000 (milliseconds; at least one freee call, at most the longest front door less 5 s)."
  }

  validation {
    condition = var.request_timeout_ms <= 1000 * (lookup({
      "aws-function-url"   = 900
      "aws-http-api"       = 30
      "gcp-function"       = 3600
      "azure-http-trigger" = 230
    }, var.front_door, 0) - 5)
    error_message = "request_timeout_ms is too long for the chosen front door: it must be at most the front door's limit minus 5 s of headroom (aws-http-api 25000, azure-http-trigger 225000, aws-function-url 895000, gcp-function 3595000), or the front door cuts the request before the app can answer."
  }
}

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

variable "redis_url" {
  description = "REDIS_URL: the shared Redis every instance uses for the ledger, the token store and the rate limit. Must be a TLS URL (rediss://)."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = can(regex("^rediss://([^/@[:space:]]+@)?[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$", var.redis_url)) && !endswith(var.redis_url, "/")
    error_message = "redis_url must be a rediss:// URL (TLS) with a host and no trailing slash, e.g. rediss://default:PASSWORD@HOST:PORT; a plain redis:// URL would send the ledger and the freee tokens unencrypted."
  }
}

variable "token_encryption_keys" {
  description = "TOKEN_ENCRYPTION_KEYS: the AES-256 keys that seal the freee token record in Redis, comma-separated, each 32 bytes in base64; the first seals, every one opens. Each stack generates them (modules/token-encryption-keys): rotating adds a new key in front and keeps the previous one behind it."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=(,[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)*$", var.token_encryption_keys))
    error_message = "token_encryption_keys must be one or more keys separated by commas, each 32 random bytes in base64 (44 characters, e.g. from openssl rand -base64 32); the first encrypts."
  }
}

variable "freee_company_id" {
  description = "FREEE_COMPANY_ID: the freee company (事業所) id every invoice is created in."
  type        = number

  validation {
    condition     = var.freee_company_id == floor(var.freee_company_id) && var.freee_company_id >= 1
    error_message = "freee_company_id must be a positive whole number."
  }
}

variable "freee_dry_run" {
  description = "FREEE_DRY_RUN: when true the app validates and answers with the request it would send, without creating anything in freee or the ledger."
  type        = bool
  default     = false
  nullable    = false
}

variable "enable_structured_logging" {
  description = "ENABLE_STRUCTURED_LOGGING: one JSON object per log line with the field names the cloud's log service expects. Keep true on every cloud."
  type        = bool
  default     = true
  nullable    = false
}

variable "freee_api_base_url" {
  description = "FREEE_API_BASE_URL: base URL of freee's API. Change it only to point a test deployment at a fake freee."
  type        = string
  default     = "https://api.freee.co.jp"
  nullable    = false

  validation {
    condition     = can(regex("^https://([^/@[:space:]]+@)?[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$", var.freee_api_base_url)) && !endswith(var.freee_api_base_url, "/")
    error_message = "freee_api_base_url must be an https:// URL with a host and no trailing slash."
  }
}

variable "freee_token_url" {
  description = "FREEE_TOKEN_URL: freee's OAuth token endpoint."
  type        = string
  default     = "https://accounts.secure.freee.co.jp/public_api/token"
  nullable    = false

  validation {
    condition     = can(regex("^https://([^/@[:space:]]+@)?[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$", var.freee_token_url)) && !endswith(var.freee_token_url, "/")
    error_message = "freee_token_url must be an https:// URL with a host and no trailing slash."
  }
}

variable "rate_limit_per_minute" {
  description = "RATE_LIMIT_PER_MINUTE: freee calls per minute for ALL instances together (shared through Redis). freee's invoice API allows 30 per minute per company, so keep 30 unless freee granted more."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.rate_limit_per_minute == floor(var.rate_limit_per_minute) && var.rate_limit_per_minute >= 1 && var.rate_limit_per_minute <= 6000
    error_message = "rate_limit_per_minute must be a whole number from 1 to 6000 (freee allows 30 per minute)."
  }
}

variable "rate_limit_per_hour" {
  description = "RATE_LIMIT_PER_HOUR: freee calls per hour for ALL instances together. freee's invoice API allows 1,500 per hour per company: a budget, spent at the minute's pace (at 30 a minute it runs out after 50 minutes), then calls wait for the hour's reset."
  type        = number
  default     = 1500
  nullable    = false

  validation {
    condition     = var.rate_limit_per_hour == floor(var.rate_limit_per_hour) && var.rate_limit_per_hour >= 1 && var.rate_limit_per_hour <= 360000
    error_message = "rate_limit_per_hour must be a whole number from 1 to 360000 (freee allows 1500 per hour)."
  }
}

variable "rate_limit_per_day" {
  description = "RATE_LIMIT_PER_DAY: freee calls per day for ALL instances together. freee allows 3,000, 5,000 or 10,000 per day per company and app, by plan: set your plan's."
  type        = number
  default     = 3000
  nullable    = false

  validation {
    condition     = var.rate_limit_per_day == floor(var.rate_limit_per_day) && var.rate_limit_per_day >= 1 && var.rate_limit_per_day <= 8640000
    error_message = "rate_limit_per_day must be a whole number from 1 to 8640000 (freee allows 3000 to 10000 per day by plan)."
  }
}

variable "rate_limit_interactive_share_percent" {
  description = "RATE_LIMIT_INTERACTIVE_SHARE_PERCENT: percent of the hour's and the day's budget that asynchronous batches leave to interactive requests, so a person's invoice is not queued behind a back-office batch."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.rate_limit_interactive_share_percent == floor(var.rate_limit_interactive_share_percent) && var.rate_limit_interactive_share_percent >= 0 && var.rate_limit_interactive_share_percent <= 50
    error_message = "rate_limit_interactive_share_percent must be a whole number from 0 to 50."
  }
}

variable "concurrent_freee_calls" {
  description = "CONCURRENT_FREEE_CALLS: freee calls in flight at once per instance."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = var.concurrent_freee_calls == floor(var.concurrent_freee_calls) && var.concurrent_freee_calls >= 1 && var.concurrent_freee_calls <= 16
    error_message = "concurrent_freee_calls must be a whole number from 1 to 16."
  }
}

variable "retry_max_attempts" {
  description = "RETRY_MAX_ATTEMPTS: tries per freee call, the first included."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.retry_max_attempts == floor(var.retry_max_attempts) && var.retry_max_attempts >= 1 && var.retry_max_attempts <= 10
    error_message = "retry_max_attempts must be a whole number from 1 to 10."
  }
}

variable "max_batch_size" {
  description = "MAX_BATCH_SIZE: the most invoices one batch request may carry; larger batches are refused with 413."
  type        = number
  default     = 500
  nullable    = false

  validation {
    condition     = var.max_batch_size == floor(var.max_batch_size) && var.max_batch_size >= 1 && var.max_batch_size <= 1000
    error_message = "max_batch_size must be a whole number from 1 to 1000."
  }
}

variable "default_tax_entry_method" {
  description = "DEFAULT_TAX_ENTRY_METHOD: freee tax_entry_method used when an item omits it (\"in\" or \"out\"); null leaves it unset."
  type        = string
  default     = null

  validation {
    condition     = var.default_tax_entry_method == null || contains(["in", "out"], coalesce(var.default_tax_entry_method, "-"))
    error_message = "default_tax_entry_method must be one of in, out (or null to leave it unset)."
  }
}

variable "default_tax_fraction" {
  description = "DEFAULT_TAX_FRACTION: freee tax_fraction used when an item omits it (\"omit\", \"round_up\" or \"round\"); null leaves it unset."
  type        = string
  default     = null

  validation {
    condition     = var.default_tax_fraction == null || contains(["omit", "round_up", "round"], coalesce(var.default_tax_fraction, "-"))
    error_message = "default_tax_fraction must be one of omit, round_up, round (or null to leave it unset)."
  }
}

variable "default_withholding_tax_entry_method" {
  description = "DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD: freee withholding_tax_entry_method used when an item omits it (\"in\" or \"out\"); null leaves it unset."
  type        = string
  default     = null

  validation {
    condition     = var.default_withholding_tax_entry_method == null || contains(["in", "out"], coalesce(var.default_withholding_tax_entry_method, "-"))
    error_message = "default_withholding_tax_entry_method must be one of in, out (or null to leave it unset)."
  }
}

variable "default_partner_title" {
  description = "DEFAULT_PARTNER_TITLE: freee partner_title used when an item omits it (\"御中\", \"様\" or \"(空白)\", also written \"（空白）\"); null leaves it unset."
  type        = string
  default     = null

  validation {
    condition     = var.default_partner_title == null || contains(["御中", "様", "(空白)", "（空白）"], coalesce(var.default_partner_title, "-"))
    error_message = "default_partner_title must be one of 御中, 様, (空白), （空白） (or null to leave it unset)."
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

variable "batch_callback_hosts" {
  description = "BATCH_CALLBACK_HOSTS: the only host names asynchronous batches may send callbacks to; empty allows any public HTTPS host (internal addresses are always refused)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for h in var.batch_callback_hosts : can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", h))])
    error_message = "batch_callback_hosts must be lower-case host names, without scheme, port or path."
  }
}

variable "batch_callback_port" {
  description = "BATCH_CALLBACK_PORT: the one port batch callbacks may go to; HTTPS's own unless your receivers listen on another."
  type        = number
  default     = 443
  nullable    = false

  validation {
    condition     = var.batch_callback_port == floor(var.batch_callback_port) && var.batch_callback_port >= 1 && var.batch_callback_port <= 65535
    error_message = "batch_callback_port must be a whole number from 1 to 65535."
  }
}

variable "batch_max_attempts" {
  description = "BATCH_MAX_ATTEMPTS: failed attempts at one asynchronous batch item before it is given up as failed and dead-lettered; waits for a quota window do not count."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.batch_max_attempts == floor(var.batch_max_attempts) && var.batch_max_attempts >= 1 && var.batch_max_attempts <= 100
    error_message = "batch_max_attempts must be a whole number from 1 to 100."
  }
}
