output "name" {
  description = "Base name of every resource of the deployment."
  value       = var.name
}

output "environment" {
  description = "Plain (non-secret) environment variables for the function, every one the app reads; optional settings left null are omitted."
  value       = local.environment
}

output "secret_names" {
  description = "Names of the secret environment variables, to iterate over (not sensitive)."
  value       = local.secret_names
}

output "secrets" {
  description = "Secret environment variables by name; each cloud module stores them in its secret store."
  value       = local.secrets
  sensitive   = true
}

output "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS as validated against the front door."
  value       = var.request_timeout_ms
}

output "front_door_limit_seconds" {
  description = "How long the chosen front door lets one request run, in seconds."
  value       = local.front_door_limit_seconds
}

output "function_timeout_seconds" {
  description = "The function's own timeout: above REQUEST_TIMEOUT_MS and at most the front door's limit."
  value       = local.function_timeout_seconds
}

output "health_path" {
  description = "Unauthenticated health endpoint of the app."
  value       = "/health"
}

output "batch_queue_max_deliveries" {
  description = "Deliveries a cloud queue may make of one batch message before it drops the message or sets it aside by itself: BATCH_MAX_ATTEMPTS plus a margin, so the app always gives an item up first (on delivery BATCH_MAX_ATTEMPTS + 1: failed on its batch with the reason, dead-lettered), with deliveries to spare should that one fail too."
  value       = var.app.batch_max_attempts + local.batch_delivery_margin
}
