variable "name" {
  description = "Name of the Upstash Redis database."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,62}$", var.name))
    error_message = "name must be 2-63 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "primary_region" {
  description = "Primary region of the global database, where writes go: pick the one closest to the function (e.g. \"ap-northeast-1\" for a Tokyo Lambda). Upstash lists the regions it offers in its console and API."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2,}-[a-z]+-?[0-9]+$", var.primary_region))
    error_message = "primary_region must look like a cloud region name, e.g. \"ap-northeast-1\" or \"us-east-1\"."
  }
}

variable "read_regions" {
  description = "Extra read regions of the global database. The bridge writes on nearly every call (ledger claims, the rate limit), so read replicas rarely help it; leave empty unless functions run in several regions."
  type        = set(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for r in var.read_regions : can(regex("^[a-z]{2,}-[a-z]+-?[0-9]+$", r))])
    error_message = "read_regions must hold region names such as \"us-west-2\"."
  }

  validation {
    condition     = !contains(var.read_regions, var.primary_region)
    error_message = "read_regions must not contain the primary_region."
  }
}

variable "app_user" {
  description = "Name of the Redis user the app connects as (ACL SETUSER by scripts/redis-app-user.sh with the rules of scripts/redis-app-user.acl)."
  type        = string
  default     = "invoice-bridge"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,62}$", var.app_user)) && var.app_user != "default"
    error_message = "app_user must be 2-63 characters of lowercase letters, digits and hyphens, starting with a letter, and not \"default\"."
  }
}
