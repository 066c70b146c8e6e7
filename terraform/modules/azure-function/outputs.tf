output "resources" {
  description = "What the stack shows and watches, by name: the function app, scaling, how Azure applies the schedule (the maximum instance count the plan runs with: max_instances, or Flex Consumption's floor of 40 when lower; the Automation schedules that set the always-ready instances), the Application Insights component the app's log lines go to, and monitored, what module azure-monitoring takes (the app, its resource group and region, the component's id)."
  value = {
    function_app_name         = azurerm_function_app_flex_consumption.this.name
    application_insights_name = azurerm_application_insights.this.name
    scaling = {
      maximum_instance_count = azurerm_function_app_flex_consumption.this.maximum_instance_count
      automation_schedules   = [for s in azurerm_automation_schedule.scaling : s.name]
    }
    monitored = {
      name                    = azurerm_function_app_flex_consumption.this.name
      resource_group_name     = azurerm_resource_group.this.name
      location                = azurerm_resource_group.this.location
      application_insights_id = azurerm_application_insights.this.id
    }
  }
}
