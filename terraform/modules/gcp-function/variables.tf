variable "name" {
  description = "Name of the function; also prefixes its service account, secrets and source bucket."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,25}[a-z0-9]$", var.name))
    error_message = "name must be 3-27 characters of lowercase letters, digits and hyphens, starting with a letter (the service account id adds \"-fn\" and must stay within 30 characters)."
  }
}

variable "project_id" {
  description = "Google Cloud project the function runs in."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lowercase letters, digits and hyphens."
  }
}

variable "region" {
  description = "Region of the function and its source bucket, e.g. \"asia-northeast1\" (Tokyo)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"asia-northeast1\"."
  }
}

variable "source_zip_path" {
  description = "Path of a zip of adapters-gcp/target/deploy/ (the folder holding the single shaded jar invoice-bridge-gcp.jar); the pipeline passes one named after the git sha."
  type        = string

  validation {
    condition     = endswith(var.source_zip_path, ".zip") && fileexists(var.source_zip_path)
    error_message = "source_zip_path must name an existing .zip file: build it with ./mvnw -pl adapters-gcp -am package, then zip adapters-gcp/target/deploy/."
  }
}

variable "scaling" {
  description = "The scaling schedule (module scaling-schedule's `time_zone` and `gcp_scheduler_jobs`): Cloud Scheduler jobs that set the service-level minimum instances of the function's Cloud Run service."
  type = object({
    time_zone = string
    jobs = map(object({
      schedule      = string
      min_instances = number
    }))
  })
  nullable = false

  validation {
    condition     = alltrue([for j in values(var.scaling.jobs) : length(split(" ", j.schedule)) == 5 && j.min_instances == floor(j.min_instances) && j.min_instances >= 0])
    error_message = "scaling.jobs must hold 5-field unix cron schedules and whole min_instances, 0 or more."
  }
}

variable "max_instances" {
  description = "Most instances at once. freee's limit is shared through Redis whatever the count; this caps cost and Redis connections."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.max_instances == floor(var.max_instances) && var.max_instances >= 1 && var.max_instances <= 1000
    error_message = "max_instances must be a whole number from 1 to 1000."
  }
}

variable "requests_per_instance" {
  description = "Requests one instance serves at once (Cloud Run concurrency). 1 keeps one request per instance as on Lambda; more needs at least 1 vCPU."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.requests_per_instance == floor(var.requests_per_instance) && var.requests_per_instance >= 1 && var.requests_per_instance <= 1000
    error_message = "requests_per_instance must be a whole number from 1 to 1000."
  }
}

variable "memory" {
  description = "Memory of each instance, e.g. \"1Gi\" or \"2Gi\" (Cloud Functions gives CPU with memory)."
  type        = string
  default     = "2Gi"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.memory))
    error_message = "memory must be a size such as \"512Mi\" or \"2Gi\"."
  }
}

variable "cpu" {
  description = "vCPUs of each instance, e.g. \"1\" or \"2\"."
  type        = string
  default     = "1"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?$", var.cpu))
    error_message = "cpu must be a number of vCPUs such as \"1\" or \"2\"."
  }
}

variable "labels" {
  description = "Labels added to every resource that takes labels."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "batch_dispatches_per_second" {
  description = "Cloud Tasks dispatch rate of asynchronous batch items: RATE_LIMIT_PER_MINUTE / 60, so the queue never pushes faster than freee allows."
  type        = number

  validation {
    condition     = var.batch_dispatches_per_second > 0 && var.batch_dispatches_per_second <= 500
    error_message = "batch_dispatches_per_second must be above 0 and at most 500 (Cloud Tasks' limit)."
  }
}

variable "batch_max_concurrent_dispatches" {
  description = "Batch items Cloud Tasks delivers at once: CONCURRENT_FREEE_CALLS is enough, since each item waits for freee's pace."
  type        = number

  validation {
    condition     = var.batch_max_concurrent_dispatches == floor(var.batch_max_concurrent_dispatches) && var.batch_max_concurrent_dispatches >= 1 && var.batch_max_concurrent_dispatches <= 5000
    error_message = "batch_max_concurrent_dispatches must be a whole number from 1 to 5000."
  }
}

variable "iam_front_door" {
  description = "false (default): anyone may call the URL (allUsers holds the invoker role) and the app's RUN_TOKEN alone authenticates. true: Cloud Run also requires a Google-signed ID token of a member holding the invoker role (iam_invokers, and the function's own service account for Cloud Tasks); callers send it in X-Serverless-Authorization and the run token in Authorization as before."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_invokers" {
  description = "With iam_front_door: the IAM members given roles/run.invoker on the function, e.g. \"serviceAccount:caller@PROJECT.iam.gserviceaccount.com\"; add the deploying identity so scripts/check-health.sh can reach it."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for m in var.iam_invokers : can(regex("^(serviceAccount|user|group|domain|principal|principalSet):.+$", m))])
    error_message = "iam_invokers must hold IAM members such as serviceAccount:NAME@PROJECT.iam.gserviceaccount.com, user:EMAIL or group:EMAIL (never allUsers)."
  }

  validation {
    condition     = !var.iam_front_door || length(var.iam_invokers) > 0
    error_message = "iam_front_door needs at least one member in iam_invokers, or no caller could reach the function."
  }
}
