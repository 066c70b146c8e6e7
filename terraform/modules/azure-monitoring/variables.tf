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

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
  nullable    = false
}
