variable "function" {
  description = "The watched function app, as module azure-function's resources.monitored gives it: its name (which names the alerts, action groups and workbooks), its resource group and region (the monitoring resources go there too), and the Application Insights component receiving the app's log lines (its traces table)."
  type = object({
    name                    = string
    resource_group_name     = string
    location                = string
    application_insights_id = string
  })
  nullable = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
  nullable    = false
}
