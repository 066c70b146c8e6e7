output "name" {
  description = "Base name of every resource of the deployment."
  value       = var.name
}

output "function" {
  description = "What every function module takes as its `app` input (terraform/shared/function.tf): environment, the plain (non-secret) environment variables, every one the app reads (optional settings left null are omitted); secret_names, the names of the secret ones, to iterate over (not sensitive); request_timeout_ms, REQUEST_TIMEOUT_MS as validated against the front door; timeout_seconds, the function's own timeout (above REQUEST_TIMEOUT_MS and at most the front door's limit); batch_queue_max_deliveries, as the output of that name."
  value = {
    environment                = local.environment
    secret_names               = local.secret_names
    request_timeout_ms         = var.request_timeout_ms
    timeout_seconds            = local.function_timeout_seconds
    batch_queue_max_deliveries = var.app.batch_max_attempts + local.batch_delivery_margin
  }
}

output "secrets" {
  description = "Secret environment variables by name; each cloud module stores them in its secret store."
  value       = local.secrets
  sensitive   = true
}

output "batch_queue_max_deliveries" {
  description = "Deliveries a cloud queue may make of one batch message before it drops the message or sets it aside by itself: BATCH_MAX_ATTEMPTS plus a margin, so the app always gives an item up first (on delivery BATCH_MAX_ATTEMPTS + 1: failed on its batch with the reason, dead-lettered), with deliveries to spare should that one fail too. conformance's StackTerraform reads this formula; tests/validation.tftest.hcl checks the function output carries the same number."
  value       = var.app.batch_max_attempts + local.batch_delivery_margin
}
