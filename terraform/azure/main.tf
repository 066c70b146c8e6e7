# invoice-bridge on Azure Functions (Flex Consumption, Java 21): the function app with Key Vault
# references, and its monitoring. Upstash Redis, the app's configuration and the health check of
# the deployed URL are in stack.tf, which every stack shares.

# For stack.tf, the part every stack shares: what receives the request before the function
# (app-config checks the deadline against it), and where the function's logs are read.
locals {
  logs_hint  = "Application Insights ${module.function.resources.application_insights_name}, or az functionapp log"
  front_door = "azure-http-trigger"
}

provider "azurerm" {
  subscription_id = var.subscription_id

  features {
    key_vault {
      # destroy purges the soft-deleted vault so the same name can be deployed again
      purge_soft_delete_on_destroy = true
    }
  }
}

# The function app, storage account and Key Vault names must be unique across all of Azure.
module "names" {
  source = "../modules/azure-names"

  name            = module.config.name
  subscription_id = var.subscription_id
  suffix          = var.name_suffix
}

module "function" {
  source = "../modules/azure-function"

  name             = module.config.name
  global_names     = module.names.global_names
  location         = var.location
  package_zip_path = var.package_zip_path

  app     = module.config.function
  secrets = module.config.secrets

  max_instances      = module.scaling.max_instances
  instance_memory_mb = var.instance_memory_mb
  tags               = var.tags

  scaling = {
    time_zone  = module.scaling.time_zone
    utc_offset = module.scaling.utc_offset
    schedules  = module.scaling.azure_schedules
  }

  iam_front_door = var.iam_front_door
  iam_invokers   = var.iam_invokers
  iam_client_id  = var.iam_client_id
}

# Query-rule alerts, action groups and workbooks from ops/service.yaml.
module "monitoring" {
  source = "../modules/azure-monitoring"

  spec_yaml             = file("${path.root}/../../ops/service.yaml")
  function              = module.function.resources.monitored
  alert_emails          = var.alert_emails
  alert_webhook_url     = var.alert_webhook_url
  rate_limit_per_minute = var.app.rate_limit_per_minute
  rate_limit_per_hour   = var.app.rate_limit_per_hour
  tags                  = var.tags
}
