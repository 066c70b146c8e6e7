# The Azure Function (Flex Consumption, Java 21) of adapters-azure: one deploy of a versioned
# zip, secrets in Key Vault referenced from the app settings, logs in Application Insights.

locals {
  # The function adapters-azure declares (@FunctionName) and the class that implements it, a
  # subclass of Micronaut's AzureHttpFunction with a catch-all route. Its host.json sets the
  # route prefix to "" (Micronaut requires it), so the app's paths sit at the host's root.
  function_name  = "invoice-bridge"
  function_class = "io.invoicebridge.adapters.azure.InvoiceBridgeFunction"

  # For shared.tf's checks: the HTTP front end of Azure Functions answers 502 after 230 s,
  # whatever the host's timeout, so the host's timeout need not be longer.
  platform                 = "the functions host"
  front_door_limit_seconds = 230
  timeout_limit_seconds    = local.front_door_limit_seconds

  url = "https://${azurerm_function_app_flex_consumption.this.default_hostname}"

  # For the output front_door (shared.tf): with iam_front_door, an Entra access token for the
  # application iam_client_id.
  front_door_auth = var.iam_front_door ? "azure-entra:${var.iam_client_id}" : "none"

  # Not read by the app: host.json's functionTimeout, overridden as an app setting so Terraform
  # keeps it above REQUEST_TIMEOUT_MS.
  platform_settings = {
    AzureFunctionsJobHost__functionTimeout = format("%02d:%02d:%02d", floor(var.app.timeout_seconds / 3600), floor(var.app.timeout_seconds % 3600 / 60), var.app.timeout_seconds % 60)
  }

  # Key Vault secret names allow letters, digits and hyphens only.
  key_vault_secret_names = { for name in var.app.secret_names : name => replace(name, "_", "-") }

  secret_settings = { for name in var.app.secret_names : name => "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.this[name].id})" }

  # Flex Consumption does not accept a maximum instance count below 40; a lower max_instances
  # gets 40, and the shared rate limiter, not the instance count, keeps freee within its limit.
  platform_floor_of_maximum_instances = 40

  always_ready_at_creation = min([for s in values(var.scaling.schedules) : s.instance_count]...)
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "this" {
  name     = "${var.name}-rg"
  location = var.location
  tags     = var.tags
}

resource "azurerm_log_analytics_workspace" "this" {
  name                = "${var.name}-logs"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = "${var.name}-insights"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "java"
  tags                = var.tags
}

# Holds the deployment package and the functions host's own state.
resource "azurerm_storage_account" "this" {
  name                            = var.global_names.storage_account
  resource_group_name             = azurerm_resource_group.this.name
  location                        = azurerm_resource_group.this.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}

resource "azurerm_storage_container" "deployments" {
  name                  = "deployments"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

resource "azurerm_service_plan" "this" {
  name                = "${var.name}-plan"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = var.tags
}

resource "azurerm_key_vault" "this" {
  name                       = var.global_names.key_vault
  resource_group_name        = azurerm_resource_group.this.name
  location                   = azurerm_resource_group.this.location
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = true
  soft_delete_retention_days = 7
  purge_protection_enabled   = false
  tags                       = var.tags
}

# Lets whoever runs Terraform write the secrets.
resource "azurerm_role_assignment" "deployer_secrets" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_key_vault_secret" "this" {
  for_each = toset(var.app.secret_names)

  name         = local.key_vault_secret_names[each.key]
  value        = var.secrets[each.key]
  key_vault_id = azurerm_key_vault.this.id
  content_type = "text/plain"

  depends_on = [azurerm_role_assignment.deployer_secrets]
}

# Key Vault references resolve with the app's system-assigned identity, their default. A
# user-assigned identity would need the site's keyVaultReferenceIdentity, which
# azurerm_function_app_flex_consumption does not expose (key_vault_reference_identity_id is
# absent up to azurerm 4.73: hashicorp/terraform-provider-azurerm#28928). The grant is the
# narrowest that reads secrets, Key Vault Secrets User, on this app's own vault only. It names
# the app's identity, so it exists only after the app: see "Secrets" in the module README.
resource "azurerm_role_assignment" "function_secrets" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_function_app_flex_consumption" "this" {
  name                = var.global_names.function_app
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id
  https_only          = true

  runtime_name           = "java"
  runtime_version        = "21"
  maximum_instance_count = max(var.max_instances, local.platform_floor_of_maximum_instances)
  instance_memory_in_mb  = var.instance_memory_mb

  # azurerm builds the deployment storage's connection string from the account named in the
  # endpoint and storage_access_key, which must therefore be the key, not a connection string.
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "${azurerm_storage_account.this.primary_blob_endpoint}${azurerm_storage_container.deployments.name}"
  storage_authentication_type = "StorageAccountConnectionString"
  storage_access_key          = azurerm_storage_account.this.primary_access_key

  zip_deploy_file = var.package_zip_path

  identity {
    type = "SystemAssigned"
  }

  # Created with the night's count; the scaling schedule changes it from then on (scaling.tf).
  dynamic "always_ready" {
    for_each = local.always_ready_at_creation > 0 ? [1] : []
    content {
      name           = "http"
      instance_count = local.always_ready_at_creation
    }
  }

  app_settings = merge(var.app.environment, local.secret_settings, local.platform_settings, local.batch_settings)

  site_config {
    application_insights_connection_string = azurerm_application_insights.this.connection_string
    minimum_tls_version                    = "1.2"
  }

  # With iam_front_door: App Service's built-in authentication answers 401 to any request without
  # a Microsoft Entra access token for the application iam_client_id, issued to one of
  # iam_invokers (any application of the tenant when empty); the app still checks RUN_TOKEN, which
  # callers then send in the header Invoice-Bridge-Run-Token (the Entra token takes Authorization).
  dynamic "auth_settings_v2" {
    for_each = var.iam_front_door ? [1] : []
    content {
      auth_enabled           = true
      require_authentication = true
      unauthenticated_action = "Return401"
      require_https          = true
      default_provider       = "azureactivedirectory"

      active_directory_v2 {
        client_id            = var.iam_client_id
        tenant_auth_endpoint = "https://login.microsoftonline.com/${data.azurerm_client_config.current.tenant_id}/v2.0"
        allowed_audiences    = [var.iam_client_id, "api://${var.iam_client_id}"]
        allowed_applications = var.iam_invokers
      }

      login {
        token_store_enabled = false
      }
    }
  }

  tags = var.tags

  lifecycle {
    # The scaling schedule's runbook owns always-ready instances after creation (scaling.tf).
    ignore_changes = [always_ready]
  }
}
