variable "project_id" {
  description = "The Google Cloud project of the function."
  type        = string
  nullable    = false
}

variable "service_name" {
  description = "The function's name, which is its Cloud Run service's name (resource.labels.service_name of its log entries)."
  type        = string
  nullable    = false
}
