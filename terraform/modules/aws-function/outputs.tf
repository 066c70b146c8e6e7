output "resources" {
  description = "What the stack shows and watches, by name: the Lambda function, the published version its alias points at, its CloudWatch log group, and scaling, how AWS applies the schedule: how instances start warm (\"snap-start\" or \"scheduled-provisioned-concurrency\") and the Application Auto Scaling scheduled actions (empty with SnapStart)."
  value = {
    function_name    = aws_lambda_function.this.function_name
    function_version = aws_lambda_alias.this.function_version
    log_group_name   = aws_cloudwatch_log_group.this.name
    scaling = {
      warm_start        = var.warm_start
      scheduled_actions = [for a in aws_appautoscaling_scheduled_action.provisioned_concurrency : a.name]
    }
  }
}
