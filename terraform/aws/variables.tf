variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline. At most 895000 behind the function URL (15 min), 25000 behind the HTTP API (30 s); the function's timeout is set 5 s above it."
  type        = number
  default     = 300000
  nullable    = false
}

variable "warm_start" {
  description = "\"snap-start\" (default: cheap cold starts, nothing kept warm, so the schedule's minimums are not applied) or \"scheduled-provisioned-concurrency\" (the schedule's minimums as provisioned concurrency on the alias; SnapStart off, since Lambda does not combine them)."
  type        = string
  default     = "snap-start"
  nullable    = false
}

variable "aws_region" {
  description = "AWS region of the function, e.g. \"ap-northeast-1\" (Tokyo)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as \"ap-northeast-1\"."
  }
}

variable "front_door" {
  description = "\"function-url\" (default; requests up to 15 min) or \"http-api\" (API Gateway HTTP API; requests up to 30 s, so request_timeout_ms at most 25000). Checked where it is used: modules/aws-function's front_door and app-config's (as \"aws-<front_door>\")."
  type        = string
  default     = "function-url"
  nullable    = false
}

variable "package_path" {
  description = "The shaded jar to deploy: adapters-aws/target/invoice-bridge-aws.jar, or the versioned copy the pipeline makes (invoice-bridge-aws-<git sha>.jar)."
  type        = string
  nullable    = false
}

variable "memory_mb" {
  description = "Memory of the function in MB (CPU grows with it)."
  type        = number
  default     = 2048
  nullable    = false
}

variable "architecture" {
  description = "\"x86_64\" or \"arm64\" (cheaper per GB-second)."
  type        = string
  default     = "x86_64"
  nullable    = false
}

variable "tags" {
  description = "Tags added to every AWS resource."
  type        = map(string)
  default     = { application = "invoice-bridge" }
  nullable    = false
}
