terraform {
  required_version = ">= 1.9.0"

  required_providers {
    # Recent 4.x: azurerm_function_app_flex_consumption with always_ready, and Key Vault's
    # rbac_authorization_enabled.
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.40" }
  }
}
