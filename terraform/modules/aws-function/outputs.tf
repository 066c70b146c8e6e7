output "front_door" {
  description = "How callers reach the function: url (function URL or HTTP API, without a trailing slash; the health endpoint is url/health) and auth, what the front door demands besides the run token: \"none\", or \"aws-iam\" (SigV4-signed requests; scripts/check-health.sh then signs with the deployer's AWS credentials)."
  value = {
    url  = local.url
    auth = var.iam_front_door ? "aws-iam" : "none"
  }
}

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
