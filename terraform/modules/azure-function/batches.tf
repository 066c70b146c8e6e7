# Asynchronous batches (/v1/batches) on Azure Storage queues, in the function app's own storage
# account: the app puts each item on the batch queue with its system-assigned identity, and the
# queue-triggered function of the same app (batch-worker) works it. A wait is the message's
# visibility timeout; the host moves a message that failed app.batch_queue_max_deliveries times
# (above BATCH_MAX_ATTEMPTS) to the poison queue, where the app also puts items it gave up (their
# batch shows them failed with the reason).

locals {
  batch_queue_name = "${var.name}-batches"

  batch_settings = {
    BATCH_QUEUE                 = "azure-queue"
    BATCH_QUEUE_NAME            = azurerm_storage_queue.batches.name
    BATCH_QUEUE_URL             = "${azurerm_storage_account.this.primary_queue_endpoint}${azurerm_storage_queue.batches.name}"
    BATCH_DEAD_LETTER_QUEUE_URL = "${azurerm_storage_account.this.primary_queue_endpoint}${azurerm_storage_queue.batches_poison.name}"
    # The queue trigger's identity-based connection "BatchQueueStorage": the app's own identity.
    BatchQueueStorage__queueServiceUri = azurerm_storage_account.this.primary_queue_endpoint
    # host.json's queues.maxDequeueCount, overridden the way the host reads app settings, so that
    # it follows BATCH_MAX_ATTEMPTS instead of staying at host.json's 10.
    AzureFunctionsJobHost__extensions__queues__maxDequeueCount = tostring(var.app.batch_queue_max_deliveries)
  }
}

resource "azurerm_storage_queue" "batches" {
  name               = local.batch_queue_name
  storage_account_id = azurerm_storage_account.this.id
}

# The name the Functions host gives a queue's poison queue.
resource "azurerm_storage_queue" "batches_poison" {
  name               = "${local.batch_queue_name}-poison"
  storage_account_id = azurerm_storage_account.this.id
}

# Least privilege, on the two queues only: the app sends (items, hand-backs, given-up items) and
# its trigger reads and deletes.
resource "azurerm_role_assignment" "batch_sender" {
  for_each = {
    batches = azurerm_storage_queue.batches.resource_manager_id
    poison  = azurerm_storage_queue.batches_poison.resource_manager_id
  }

  scope                = each.value
  role_definition_name = "Storage Queue Data Message Sender"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "batch_processor" {
  scope                = azurerm_storage_queue.batches.resource_manager_id
  role_definition_name = "Storage Queue Data Message Processor"
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}
