variable "spec_yaml" {
  description = "The text of ops/service.yaml, the service specification every query rule, action group and workbook here is built from."
  type        = string
  nullable    = false
}

variable "name" {
  description = "The function app's name, used to name the alerts, action groups and workbooks."
  type        = string
  nullable    = false
}

variable "resource_group_name" {
  description = "The function's resource group; the monitoring resources go there too."
  type        = string
  nullable    = false
}

variable "location" {
  description = "The Azure region of the function."
  type        = string
  nullable    = false
}

variable "application_insights_id" {
  description = "The Application Insights component receiving the app's log lines (its traces table)."
  type        = string
  nullable    = false
}

variable "alert_emails" {
  description = "Addresses told of every alert."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be e-mail addresses."
  }
}

variable "alert_webhook_url" {
  description = "HTTPS endpoint told of page alerts (an action group webhook with the common alert schema); null for none."
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
