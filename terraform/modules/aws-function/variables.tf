variable "name" {
  description = "Name of the Lambda function; also prefixes the role, key alias, secrets, log group and API."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,56}$", var.name))
    error_message = "name must be 1-56 characters of letters, digits, hyphens and underscores."
  }
}

variable "package_path" {
  description = "Path of the deployment artifact: the shaded jar built by adapters-aws (adapters-aws/target/invoice-bridge-aws.jar), or a versioned copy of it (the pipeline passes one named after the git sha)."
  type        = string

  validation {
    condition     = can(regex("\\.(jar|zip)$", var.package_path)) && fileexists(var.package_path)
    error_message = "package_path must name an existing .jar or .zip file: build it first with ./mvnw -pl adapters-aws -am package."
  }
}

variable "front_door" {
  description = "\"function-url\": a Lambda function URL on the alias (requests up to 15 min; the default), or \"http-api\": an API Gateway HTTP API in front of the alias (requests up to 30 s)."
  type        = string
  default     = "function-url"
  nullable    = false

  validation {
    condition     = contains(["function-url", "http-api"], var.front_door)
    error_message = "front_door must be \"function-url\" or \"http-api\"."
  }
}

variable "iam_front_door" {
  description = "false (default): the front door is public and the app's RUN_TOKEN alone authenticates. true: the front door also requires AWS's own authentication (AWS_IAM: requests signed with SigV4 by an identity allowed to invoke it); callers then send the run token in the header Invoice-Bridge-Run-Token, since the signature takes the Authorization header."
  type        = bool
  default     = false
  nullable    = false
}

variable "iam_invokers" {
  description = "With iam_front_door and the function URL: AWS account ids or IAM ARNs (roles, users, accounts' root) named in the URL's resource policy, for callers in other accounts; callers in this account need only an identity policy allowing lambda:InvokeFunctionUrl and lambda:InvokeFunction."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for p in var.iam_invokers : can(regex("^([0-9]{12}|arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+))$", p))])
    error_message = "iam_invokers must hold 12-digit AWS account ids or IAM ARNs (arn:aws:iam::123456789012:role/NAME, :user/NAME or :root)."
  }
}

variable "memory_mb" {
  description = "Memory of the function in MB; Lambda gives CPU in proportion (1769 MB is one full vCPU)."
  type        = number
  default     = 2048
  nullable    = false

  validation {
    condition     = var.memory_mb == floor(var.memory_mb) && var.memory_mb >= 512 && var.memory_mb <= 10240
    error_message = "memory_mb must be a whole number from 512 to 10240."
  }
}

variable "architecture" {
  description = "Instruction set of the function: \"x86_64\" or \"arm64\" (about 20 % cheaper per GB-second; the shaded jar runs on both)."
  type        = string
  default     = "x86_64"
  nullable    = false

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be \"x86_64\" or \"arm64\"."
  }
}

variable "warm_start" {
  description = "How instances start warm: \"snap-start\" (default; cold starts restore a snapshot taken after initialization, nothing is billed while idle, no instance is kept warm) or \"scheduled-provisioned-concurrency\" (the schedule's minimum of initialized instances on the alias, billed while configured; Lambda does not combine it with SnapStart, so SnapStart is then off)."
  type        = string
  default     = "snap-start"
  nullable    = false

  validation {
    condition     = contains(["snap-start", "scheduled-provisioned-concurrency"], var.warm_start)
    error_message = "warm_start must be \"snap-start\" or \"scheduled-provisioned-concurrency\"."
  }
}

variable "scaling" {
  description = "The scaling schedule for Application Auto Scaling (module scaling-schedule's `time_zone` and `aws_scheduled_actions`): used when warm_start is \"scheduled-provisioned-concurrency\"."
  type = object({
    time_zone = string
    scheduled_actions = map(object({
      schedule     = string
      min_capacity = number
      max_capacity = number
    }))
  })
  nullable = false

  validation {
    condition     = alltrue([for a in values(var.scaling.scheduled_actions) : startswith(a.schedule, "cron(") && a.min_capacity >= 0 && a.min_capacity <= a.max_capacity])
    error_message = "scaling.scheduled_actions must hold cron(...) schedules with 0 <= min_capacity <= max_capacity."
  }
}

variable "max_instances" {
  description = "Most instances at once (reserved concurrency of the function). Reserving takes concurrency from the account's pool, which must keep 100 unreserved: a new account with a quota of 10 must ask for more, or set null to run without a cap."
  type        = number
  default     = 10

  validation {
    condition     = var.max_instances == null || try(var.max_instances == floor(var.max_instances) && var.max_instances >= 1 && var.max_instances <= 1000, false)
    error_message = "max_instances must be a whole number from 1 to 1000, or null for no cap."
  }
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the function's logs."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of CloudWatch's values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "secret_recovery_window_days" {
  description = "Days Secrets Manager keeps a deleted secret recoverable: 0 deletes at once (lets a destroyed stack be re-created with the same names), or 7 to 30."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30)
    error_message = "secret_recovery_window_days must be 0 or from 7 to 30."
  }
}

variable "tags" {
  description = "Tags added to every resource that takes tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "batch_worker_max_concurrency" {
  description = "Most batch-worker instances the SQS event source mapping runs at once: bounds the instances calling freee (the shared rate limit paces them anyway)."
  type        = number
  default     = 2

  validation {
    condition     = var.batch_worker_max_concurrency == floor(var.batch_worker_max_concurrency) && var.batch_worker_max_concurrency >= 2 && var.batch_worker_max_concurrency <= 1000
    error_message = "batch_worker_max_concurrency must be a whole number from 2 to 1000 (the event source mapping's range)."
  }
}

variable "batch_worker_batch_size" {
  description = "Messages per batch-worker invocation. Items run one after another within it, so keep it small: each item may wait for freee's pace."
  type        = number
  default     = 1

  validation {
    condition     = var.batch_worker_batch_size == floor(var.batch_worker_batch_size) && var.batch_worker_batch_size >= 1 && var.batch_worker_batch_size <= 10
    error_message = "batch_worker_batch_size must be a whole number from 1 to 10."
  }
}

variable "alarm_actions" {
  description = "ARNs notified when the batch dead-letter alarm fires (for example an SNS topic); empty for none."
  type        = list(string)
  default     = []
}
