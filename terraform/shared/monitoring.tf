# The inputs every monitoring module (modules/aws-monitoring, gcp-monitoring, azure-monitoring)
# takes alike, and the warning about them, written once: each links to this file as its inputs.tf
# (terraform/shared/README.md).

variable "spec_yaml" {
  description = "The text of ops/service.yaml, the service specification every alert, notification and dashboard here is built from."
  type        = string
  nullable    = false
}

variable "alert_emails" {
  description = "Addresses told of every alert (on AWS each confirms the SNS subscription e-mail once)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be e-mail addresses."
  }
}

variable "alert_webhook_url" {
  description = "HTTPS endpoint told of page alerts, which the cloud posts JSON to (an SNS subscription it asks once to confirm, a webhook_tokenauth channel, an action group webhook with the common alert schema); null for none."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.alert_webhook_url == null || can(regex("^https://", var.alert_webhook_url))
    error_message = "alert_webhook_url must start with https://."
  }
}

variable "rate_limit_per_minute" {
  description = "RATE_LIMIT_PER_MINUTE, drawn on the freee-calls-per-minute panel."
  type        = number
  nullable    = false
}

variable "rate_limit_per_hour" {
  description = "RATE_LIMIT_PER_HOUR, drawn on the freee-calls-per-hour panel (the stack passes its own setting)."
  type        = number
  nullable    = false
}

# Alerts without a target notify nobody: warn at every plan until someone is told.
check "someone_is_told" {
  assert {
    condition     = length(var.alert_emails) > 0 || !nonsensitive(var.alert_webhook_url == null)
    error_message = "Neither alert_emails nor alert_webhook_url is set: the alerts of ops/service.yaml notify nobody."
  }
}
