# The inputs every function module (modules/aws-function, gcp-function, azure-function) takes from
# module app-config alike, written once: each links to this file as its inputs.tf
# (terraform/shared/README.md).

variable "environment" {
  description = "Plain environment variables of the app (module app-config's `environment` output)."
  type        = map(string)
}

variable "secret_names" {
  description = "Names of the secret environment variables (module app-config's `secret_names` output)."
  type        = list(string)

  validation {
    condition     = length(var.secret_names) == length(distinct(var.secret_names))
    error_message = "secret_names must not repeat a name."
  }
}

variable "secrets" {
  description = "Secret environment variables by name (module app-config's `secrets` output): each goes to the cloud's secret store (Secrets Manager, Secret Manager, Key Vault) and reaches the function from there, never as a plain setting."
  type        = map(string)
  sensitive   = true
}

variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS of the app, checked once more against the function timeout (and, where the module knows it, the front door's limit)."
  type        = number
}
