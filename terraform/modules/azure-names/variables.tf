variable "subscription_id" {
  description = "Azure subscription the deployment goes into; with name, it seeds the derived suffix."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "suffix" {
  description = "Suffix of the globally unique names: null derives 6 hex characters from subscription_id and name; \"\" keeps the bare names (deployments made before the suffix existed); otherwise 1-8 lowercase letters or digits."
  type        = string
  default     = null

  validation {
    condition     = var.suffix == null || can(regex("^[a-z0-9]{0,8}$", var.suffix))
    error_message = "suffix must be null, \"\" or 1-8 lowercase letters or digits."
  }
}
