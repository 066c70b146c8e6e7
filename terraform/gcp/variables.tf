variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline. At most 3595000 (Cloud Functions allow 60 min); the function's timeout is set 5 s above it."
  type        = number
  default     = 300000
  nullable    = false
}

variable "project_id" {
  description = "Google Cloud project to deploy into."
  type        = string
  nullable    = false
}

variable "region" {
  description = "Region of the function, e.g. \"asia-northeast1\" (Tokyo)."
  type        = string
  default     = "asia-northeast1"
  nullable    = false
}

variable "source_zip_path" {
  description = "Zip of adapters-gcp/target/deploy/ (the single shaded jar invoice-bridge-gcp.jar); the pipeline passes invoice-bridge-gcp-<git sha>.zip."
  type        = string
  nullable    = false
}

variable "memory" {
  description = "Memory of each instance, e.g. \"2Gi\"."
  type        = string
  default     = "2Gi"
  nullable    = false
}

variable "cpu" {
  description = "vCPUs of each instance, e.g. \"1\"."
  type        = string
  default     = "1"
  nullable    = false
}

variable "requests_per_instance" {
  description = "Requests one instance serves at once; 1 keeps one request per instance."
  type        = number
  default     = 1
  nullable    = false
}

variable "labels" {
  description = "Labels added to every resource that takes labels."
  type        = map(string)
  default     = { application = "invoice-bridge" }
  nullable    = false
}
