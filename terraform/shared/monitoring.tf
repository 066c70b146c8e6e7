# The inputs every monitoring module (modules/aws-monitoring, gcp-monitoring, azure-monitoring)
# takes alike, and the warning while no one is told of the alerts (alerting.tf, which each module
# links to as well, declares who is), written once: each links to this file as its inputs.tf
# (terraform/shared/README.md).

variable "spec_yaml" {
  description = "The text of ops/service.yaml, the service specification every alert, notification and dashboard here is built from."
  type        = string
  nullable    = false
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
