variable "generation" {
  description = "Which key seals the freee token record: 1 at first; raise it by one to rotate. The new key seals from the next apply on, the previous one keeps opening what it sealed until the generation after."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.generation == floor(var.generation) && var.generation >= 1
    error_message = "generation must be a whole number of at least 1."
  }
}
