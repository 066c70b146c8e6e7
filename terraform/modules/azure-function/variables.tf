variable "global_names" {
  description = "The names unique across all of Azure, from modules/azure-names: function_app, storage_account (3-24 lowercase letters and digits) and key_vault (3-24 characters)."
  type = object({
    function_app    = string
    storage_account = string
    key_vault       = string
  })
  nullable = false

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.global_names.storage_account)) && can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.global_names.key_vault))
    error_message = "global_names: storage_account must be 3-24 lowercase letters and digits, key_vault 3-24 letters, digits and hyphens (modules/azure-names makes both)."
  }
}

variable "location" {
  description = "Azure region with Flex Consumption, e.g. \"japaneast\" (see `az functionapp list-flexconsumption-locations`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+[a-z0-9]*$", var.location))
    error_message = "location must be an Azure region name such as \"japaneast\" (lowercase, no spaces)."
  }
}

variable "package_zip_path" {
  description = "Path of a zip of adapters-azure/target/azure-functions/invoice-bridge/ (host.json, the function folder, lib/ and the jar), deployed with one deploy; the pipeline passes one named after the git sha, and a new path redeploys."
  type        = string

  validation {
    condition     = endswith(var.package_zip_path, ".zip") && fileexists(var.package_zip_path)
    error_message = "package_zip_path must name an existing .zip file: build it with ./mvnw -pl adapters-azure -am package, then zip adapters-azure/target/azure-functions/invoice-bridge/."
  }
}

variable "scaling" {
  description = "The scaling schedule (module scaling-schedule's `time_zone`, `utc_offset` and `azure_schedules`): Azure Automation schedules that set, or only raise, the always-ready instances of the http group."
  type = object({
    time_zone  = string
    utc_offset = string
    schedules = map(object({
      frequency      = string
      month_days     = list(number)
      week_days      = list(string)
      time_of_day    = string
      instance_count = number
      raise_only     = bool
    }))
  })
  nullable = false

  validation {
    condition = length(var.scaling.schedules) > 0 && alltrue([for s in values(var.scaling.schedules) : (
      (s.frequency == "Month" && s.month_days != null) || (s.frequency == "Week" && s.week_days != null)
    ) && can(regex("^[0-2][0-9]:[0-5][0-9]$", s.time_of_day)) && s.instance_count >= 0])
    error_message = "scaling.schedules must be Month schedules with month_days or Week schedules with week_days, each at an HH:MM time_of_day with an instance_count of 0 or more."
  }

  validation {
    condition     = can(regex("^[+-][0-9]{2}:[0-9]{2}$", var.scaling.utc_offset))
    error_message = "scaling.utc_offset must look like \"+09:00\"."
  }
}

variable "max_instances" {
  description = "Most instances at once (Flex Consumption maximum instance count; the platform does not accept less than 40, so 40 applies below that). freee's limit is shared through Redis whatever the count; this caps cost and Redis connections."
  type        = number
  default     = 40
  nullable    = false

  validation {
    condition     = var.max_instances == floor(var.max_instances) && var.max_instances >= 1 && var.max_instances <= 1000
    error_message = "max_instances must be a whole number from 1 to 1000."
  }
}

variable "instance_memory_mb" {
  description = "Memory of each instance in MB: 2048 or 4096."
  type        = number
  default     = 2048
  nullable    = false

  validation {
    condition     = contains([2048, 4096], var.instance_memory_mb)
    error_message = "instance_memory_mb must be 2048 or 4096."
  }
}

variable "log_retention_days" {
  description = "Days the Log Analytics workspace behind Application Insights keeps the logs."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.log_retention_days == floor(var.log_retention_days) && var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be a whole number from 30 to 730."
  }
}

variable "tags" {
  description = "Tags added to every resource that takes tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "iam_front_door" {
  description = "false (default): the HTTP trigger is anonymous and the app's RUN_TOKEN alone authenticates. true: App Service's built-in authentication (Microsoft Entra ID) also requires an access token for the application iam_client_id; callers send it as Authorization: Bearer and the run token in Invoice-Bridge-Run-Token."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_client_id" {
  description = "With iam_front_door: the client id of the Microsoft Entra application that stands for the bridge (an app registration made for it); callers ask for tokens with its id or api://<id> as audience."
  type        = string
  default     = null

  validation {
    condition     = var.iam_client_id == null || can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", coalesce(var.iam_client_id, "-")))
    error_message = "iam_client_id must be an application (client) id: a lower-case GUID."
  }

  validation {
    condition     = !var.iam_front_door || var.iam_client_id != null
    error_message = "iam_front_door needs iam_client_id, the Entra application callers get tokens for."
  }
}

variable "iam_invokers" {
  description = "With iam_front_door: client ids of the Entra applications (e.g. the caller's managed identity) allowed to call; empty allows any application of the tenant that can get a token for iam_client_id."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for id in var.iam_invokers : can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id))])
    error_message = "iam_invokers must hold application (client) ids: lower-case GUIDs."
  }
}
