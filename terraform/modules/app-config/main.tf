# Provider-free: turns the operator's settings into what every cloud module needs (the plain
# environment, the secrets, the timeouts), and holds every validation in one place so each
# cloud fails the same way at plan time.

locals {
  # What the front door allows one request to run, in seconds.
  front_door_limit_seconds = {
    "aws-function-url"   = 900
    "aws-http-api"       = 30
    "gcp-function"       = 3600
    "azure-http-trigger" = 230
  }[var.front_door]

  # Seconds between the app's deadline and the function's own timeout: covers a cold start or
  # SnapStart restore before the app's clock starts and the time to write the response.
  headroom_seconds = 5

  # Above REQUEST_TIMEOUT_MS so the platform never kills an instance that is still answering,
  # and never above what the front door allows.
  function_timeout_seconds = min(ceil(var.request_timeout_ms / 1000) + local.headroom_seconds, local.front_door_limit_seconds)

  # Deliveries a cloud queue allows past BATCH_MAX_ATTEMPTS: the app gives an item up on delivery
  # BATCH_MAX_ATTEMPTS + 1, and that delivery may itself fail (the store or the dead-letter queue
  # out of reach, a queue inactive for 30 days waking up) and need a few more.
  batch_delivery_margin = 5

  # Every non-secret variable the app reads. An optional setting left null is left out, so the
  # app's own default applies.
  environment_all = {
    FREEE_COMPANY_ID                     = tostring(var.app.freee_company_id)
    FREEE_DRY_RUN                        = tostring(var.app.freee_dry_run)
    ENABLE_STRUCTURED_LOGGING            = tostring(var.app.enable_structured_logging)
    FREEE_API_BASE_URL                   = var.app.freee_api_base_url
    FREEE_TOKEN_URL                      = var.app.freee_token_url
    RATE_LIMIT_PER_MINUTE                = tostring(var.app.rate_limit_per_minute)
    RATE_LIMIT_PER_HOUR                  = tostring(var.app.rate_limit_per_hour)
    RATE_LIMIT_PER_DAY                   = tostring(var.app.rate_limit_per_day)
    RATE_LIMIT_INTERACTIVE_SHARE_PERCENT = tostring(var.app.rate_limit_interactive_share_percent)
    CONCURRENT_FREEE_CALLS               = tostring(var.app.concurrent_freee_calls)
    RETRY_MAX_ATTEMPTS                   = tostring(var.app.retry_max_attempts)
    REQUEST_TIMEOUT_MS                   = tostring(var.request_timeout_ms)
    MAX_BATCH_SIZE                       = tostring(var.app.max_batch_size)
    DEFAULT_TAX_ENTRY_METHOD             = var.app.default_tax_entry_method
    DEFAULT_TAX_FRACTION                 = var.app.default_tax_fraction
    DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD = var.app.default_withholding_tax_entry_method
    DEFAULT_PARTNER_TITLE                = var.app.default_partner_title
    BATCH_CALLBACK_HOSTS                 = length(var.app.batch_callback_hosts) == 0 ? null : join(",", var.app.batch_callback_hosts)
    BATCH_CALLBACK_PORT                  = tostring(var.app.batch_callback_port)
    BATCH_MAX_ATTEMPTS                   = tostring(var.app.batch_max_attempts)
  }

  environment = { for k, v in local.environment_all : k => v if v != null }

  # Every secret the app reads; each cloud module puts these in its secret store, never in
  # plain settings.
  secrets = {
    RUN_TOKEN = var.run_token
    # Every secret store needs a value: without a rotation under way, the current token.
    RUN_TOKEN_PREVIOUS    = coalesce(var.run_token_previous, var.run_token)
    FREEE_CLIENT_ID       = var.freee_client_id
    FREEE_CLIENT_SECRET   = var.freee_client_secret
    FREEE_REFRESH_TOKEN   = var.freee_refresh_token
    REDIS_URL             = var.redis_url
    TOKEN_ENCRYPTION_KEYS = var.token_encryption_keys
    BATCH_CALLBACK_SECRET = var.batch_callback_secret
  }

  # The names alone are not sensitive; cloud modules iterate over them (for_each cannot take
  # a sensitive map's keys).
  secret_names = ["RUN_TOKEN", "RUN_TOKEN_PREVIOUS", "FREEE_CLIENT_ID", "FREEE_CLIENT_SECRET", "FREEE_REFRESH_TOKEN", "REDIS_URL", "TOKEN_ENCRYPTION_KEYS", "BATCH_CALLBACK_SECRET"]
}

check "secret_names_match_secrets" {
  assert {
    condition     = toset(local.secret_names) == toset(nonsensitive(keys(local.secrets)))
    error_message = "app-config: secret_names and the keys of secrets differ; keep them in step."
  }
}
