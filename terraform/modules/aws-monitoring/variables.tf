variable "spec_yaml" {
  description = "The text of ops/service.yaml, the service specification every alarm, notification and dashboard here is built from."
  type        = string
  nullable    = false
}

variable "function_name" {
  description = "The Lambda function's name: the `service` dimension of the app's Embedded Metric Format metrics."
  type        = string
  nullable    = false
}

variable "log_group_name" {
  description = "The function's CloudWatch log group, where ERROR lines are counted."
  type        = string
  nullable    = false
}

variable "region" {
  description = "The AWS region of the function, for the dashboards' widgets."
  type        = string
  nullable    = false
}

variable "alert_emails" {
  description = "Addresses told of every alert (each confirms the SNS subscription e-mail once)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be e-mail addresses."
  }
}

variable "alert_webhook_url" {
  description = "HTTPS endpoint told of page alerts (SNS posts JSON and asks it once to confirm the subscription); null for none."
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

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
  nullable    = false
}
