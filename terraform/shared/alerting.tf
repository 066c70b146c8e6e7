# Who is told of the alerts of ops/service.yaml, declared once with its checks: every stack passes
# these to its monitoring module unchanged, and the stacks and the monitoring modules all link to
# this file as their alerting.tf (terraform/shared/README.md).

variable "alert_emails" {
  description = "Addresses told of every alert of ops/service.yaml, page and ticket (on AWS each confirms the SNS subscription e-mail once)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be e-mail addresses."
  }
}

variable "alert_webhook_url" {
  description = "HTTPS endpoint told of page alerts (e.g. a chat's incoming webhook or a relay to it), which the cloud posts JSON to (an SNS subscription it asks once to confirm, a webhook_tokenauth channel, an action group webhook with the common alert schema); null for none."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.alert_webhook_url == null || can(regex("^https://", var.alert_webhook_url))
    error_message = "alert_webhook_url must start with https://."
  }
}
