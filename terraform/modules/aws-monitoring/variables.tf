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

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
  nullable    = false
}
