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
