variable "name_suffix" {
  description = "Suffix of the names unique across Azure (function app, storage account, Key Vault): null derives a stable one from subscription_id and name, so two subscriptions' default plans never collide; \"\" keeps the bare names of a deployment made before the suffix existed; or 1-8 lowercase letters and digits of your choice (modules/azure-names)."
  type        = string
  default     = null
}

variable "request_timeout_ms" {
  description = "REQUEST_TIMEOUT_MS: the request's deadline. At most 225000 (Azure's HTTP front end stops at 230 s); the host's timeout is set 5 s above it."
  type        = number
  default     = 220000
  nullable    = false
}

variable "subscription_id" {
  description = "Azure subscription to deploy into (azurerm 4.x needs it explicitly)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "location" {
  description = "Azure region with Flex Consumption, e.g. \"japaneast\"."
  type        = string
  default     = "japaneast"
  nullable    = false
}

variable "package_zip_path" {
  description = "Zip of adapters-azure/target/azure-functions/invoice-bridge/; the pipeline passes invoice-bridge-azure-<git sha>.zip (a new path redeploys)."
  type        = string
  nullable    = false
}

variable "instance_memory_mb" {
  description = "Memory of each instance in MB: 2048 or 4096."
  type        = number
  default     = 2048
  nullable    = false
}

variable "tags" {
  description = "Tags added to every Azure resource that takes tags."
  type        = map(string)
  default     = { application = "invoice-bridge" }
  nullable    = false
}

variable "iam_client_id" {
  description = "With iam_front_door: the client id of the Microsoft Entra application (app registration) that stands for the bridge; callers get tokens for it."
  type        = string
  default     = null
}
