# The names Azure requires to be unique across all of Azure (they become host names): the function
# app (<app>.azurewebsites.net), its storage account (<account>.blob.core.windows.net) and Key Vault
# (<vault>.vault.azure.net). Two users' default plans would otherwise both ask for
# "invoice-bridge"; a suffix hashed from the subscription and the name keeps every plan stable
# across applies and apart from every other subscription's, and keeps two deployments of one
# subscription (staging and production) apart even where truncation shortens their names alike.

locals {
  suffix = var.suffix != null ? var.suffix : substr(sha256("${lower(var.subscription_id)}/${var.name}"), 0, 6)

  # Key Vault: 3-24 letters, digits and hyphens, a letter or digit last.
  key_vault_limit = 24
  key_vault_tail  = local.suffix == "" ? "-kv" : "-${local.suffix}-kv"
  key_vault_name  = "${trimsuffix(substr(var.name, 0, local.key_vault_limit - length(local.key_vault_tail)), "-")}${local.key_vault_tail}"

  # Storage account: 3-24 lowercase letters and digits only.
  storage_account_limit = 24
  storage_account_tail  = "fn${local.suffix}"
  storage_account_name  = "${substr(replace(var.name, "-", ""), 0, local.storage_account_limit - length(local.storage_account_tail))}${local.storage_account_tail}"

  function_app_name = local.suffix == "" ? var.name : "${var.name}-${local.suffix}"
}
