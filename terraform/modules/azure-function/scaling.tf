# The schedule of module scaling-schedule on Flex Consumption, which has no scheduled scaling of
# its own: Azure Automation schedules start a runbook (set-always-ready.ps1) that sets the
# always-ready instances of the "http" group through ARM, as the Automation account's managed
# identity. The function app ignores always_ready changes (main.tf), so an apply does not undo
# the schedule.

locals {
  # Automation rejects a start time less than 5 minutes ahead; tomorrow (local date) always
  # works. Only the creation uses it (ignore_changes below): the schedules then repeat by day.
  scaling_start_date = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "24h"))
}

resource "azurerm_automation_account" "scaling" {
  name                = "${var.name}-scaling"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku_name            = "Basic"
  tags                = var.tags

  identity {
    type = "SystemAssigned"
  }
}

# Website Contributor on this function app only: enough to change its always-ready instances.
resource "azurerm_role_assignment" "scaling" {
  scope                = azurerm_function_app_flex_consumption.this.id
  role_definition_name = "Website Contributor"
  principal_id         = azurerm_automation_account.scaling.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_automation_runbook" "scaling" {
  name                    = "Set-AlwaysReady"
  resource_group_name     = azurerm_resource_group.this.name
  location                = azurerm_resource_group.this.location
  automation_account_name = azurerm_automation_account.scaling.name
  runbook_type            = "PowerShell72"
  log_progress            = false
  log_verbose             = false
  description             = "Sets (or only raises) the always-ready instances of ${var.name}'s http group."
  content                 = file("${path.module}/set-always-ready.ps1")
  tags                    = var.tags
}

resource "azurerm_automation_schedule" "scaling" {
  for_each = var.scaling.schedules

  name                    = "${var.name}-${each.key}"
  resource_group_name     = azurerm_resource_group.this.name
  automation_account_name = azurerm_automation_account.scaling.name
  description             = "${each.value.raise_only ? "Raise" : "Set"} always-ready to ${each.value.instance_count} (${each.key})."
  frequency               = each.value.frequency
  interval                = 1
  timezone                = var.scaling.time_zone
  start_time              = "${local.scaling_start_date}T${each.value.time_of_day}:00${var.scaling.utc_offset}"
  month_days              = each.value.month_days
  week_days               = each.value.week_days

  lifecycle {
    ignore_changes = [start_time]
  }
}

resource "azurerm_automation_job_schedule" "scaling" {
  for_each = var.scaling.schedules

  resource_group_name     = azurerm_resource_group.this.name
  automation_account_name = azurerm_automation_account.scaling.name
  schedule_name           = azurerm_automation_schedule.scaling[each.key].name
  runbook_name            = azurerm_automation_runbook.scaling.name

  # Automation passes parameters by lower-case name.
  parameters = {
    functionappid = azurerm_function_app_flex_consumption.this.id
    instancecount = tostring(each.value.instance_count)
    raiseonly     = tostring(each.value.raise_only)
  }

  depends_on = [azurerm_role_assignment.scaling]
}
