output "suffix" {
  description = "The suffix in use: derived, set, or \"\" for none."
  value       = local.suffix
}

output "global_names" {
  description = "The names unique across Azure: function_app (host <name>.azurewebsites.net), storage_account (the package, the host's state, the batch queues) and key_vault (the app's secrets)."
  value = {
    function_app    = local.function_app_name
    storage_account = local.storage_account_name
    key_vault       = local.key_vault_name
  }
}
