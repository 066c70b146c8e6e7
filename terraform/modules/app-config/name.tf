# The deployment's base name and its rule, declared once: modules/azure-names and azure-function,
# which derive Azure's names from it, link to this file as their name.tf
# (terraform/shared/README.md).

variable "name" {
  description = "Base name of every resource of the deployment, e.g. \"invoice-bridge\". Lowercase letters, digits and hyphens, 3-20 characters, so that derived names (Azure Key Vault and storage account, GCP service account) stay inside their clouds' limits."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name))
    error_message = "name must be 3-20 characters of lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit."
  }
}
