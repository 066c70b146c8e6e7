# What every function module (modules/aws-function, gcp-function, azure-function) has alike,
# written once: the inputs it takes from module app-config with their checks, and the output
# front_door every stack reads. Each links to this file as its shared.tf
# (terraform/shared/README.md). Each module sets local.timeout_limit_seconds (the function's own
# limit) and local.front_door_limit_seconds (how long its front door lets one request run), names
# the platform in local.platform, and sets local.url (its front door's URL, without a trailing
# slash) and local.front_door_auth (what the front door demands besides the run token).

variable "app" {
  description = "What the function runs with, module app-config's `function` output: environment (the plain environment variables), secret_names (the names of the secret ones, whose values come in `secrets`), request_timeout_ms (REQUEST_TIMEOUT_MS), timeout_seconds (the function's own timeout: above REQUEST_TIMEOUT_MS, at most the front door's limit) and batch_queue_max_deliveries (deliveries the cloud's queue makes of one batch message before it sets the message aside by itself: above BATCH_MAX_ATTEMPTS, so the app gives an item up first)."
  type = object({
    environment                = map(string)
    secret_names               = list(string)
    request_timeout_ms         = number
    timeout_seconds            = number
    batch_queue_max_deliveries = number
  })
  nullable = false

  validation {
    condition     = length(var.app.secret_names) == length(distinct(var.app.secret_names))
    error_message = "app.secret_names must not repeat a name."
  }

  validation {
    condition     = var.app.timeout_seconds == floor(var.app.timeout_seconds) && var.app.timeout_seconds >= 1 && var.app.timeout_seconds <= local.timeout_limit_seconds
    error_message = "app.timeout_seconds must be a whole number from 1 to ${local.timeout_limit_seconds}, the most ${local.platform} allows."
  }

  validation {
    condition     = var.app.timeout_seconds * 1000 > var.app.request_timeout_ms
    error_message = "The function timeout (app.timeout_seconds) must be above REQUEST_TIMEOUT_MS, or ${local.platform} stops the function before the app can answer."
  }

  validation {
    condition     = var.app.request_timeout_ms <= (local.front_door_limit_seconds - 5) * 1000
    error_message = "REQUEST_TIMEOUT_MS must stay at least 5 s below the front door's limit of ${local.front_door_limit_seconds} s (at most ${(local.front_door_limit_seconds - 5) * 1000})."
  }

  validation {
    condition     = var.app.batch_queue_max_deliveries == floor(var.app.batch_queue_max_deliveries) && var.app.batch_queue_max_deliveries >= 2 && var.app.batch_queue_max_deliveries <= 1000
    error_message = "app.batch_queue_max_deliveries must be a whole number from 2 to 1000 (above BATCH_MAX_ATTEMPTS, which is at least 1, and within the queue's limit)."
  }
}

variable "secrets" {
  description = "Secret environment variables by name (module app-config's `secrets` output): each goes to the cloud's secret store (Secrets Manager, Secret Manager, Key Vault) and reaches the function from there, never as a plain setting."
  type        = map(string)
  sensitive   = true
}

output "front_door" {
  description = "How callers reach the function: url (without a trailing slash; the health endpoint is url/health) and auth, what the front door demands besides the run token: \"none\", or with iam_front_door the cloud's own identity, which scripts/check-health.sh then gets for the deploying identity: \"aws-iam\" (SigV4-signed requests, signed with the deployer's AWS credentials), \"gcp-iam\" (a Google ID token of an invoker in X-Serverless-Authorization, from gcloud) or \"azure-entra:<client id>\" (an Entra access token for that application, from az)."
  value = {
    url  = local.url
    auth = local.front_door_auth
  }
}
