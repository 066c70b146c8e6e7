output "url" {
  description = "Base URL of the function (function URL or HTTP API), without a trailing slash."
  value       = local.url
}

output "health_url" {
  description = "The unauthenticated health endpoint: GET answers 200 with \"UP\" in the body."
  value       = "${local.url}/health"
}

output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_version" {
  description = "Version the alias points at (published by this apply)."
  value       = aws_lambda_alias.this.function_version
}

output "alias_arn" {
  description = "ARN of the alias every front door invokes."
  value       = aws_lambda_alias.this.arn
}

output "handler" {
  description = "Lambda handler class of the function."
  value       = aws_lambda_function.this.handler
}

output "kms_key_arn" {
  description = "ARN of the customer-managed key that encrypts the environment and the secrets."
  value       = aws_kms_key.this.arn
}

output "secret_arns" {
  description = "ARNs of the Secrets Manager secrets by environment variable name."
  value       = { for name, s in aws_secretsmanager_secret.this : name => s.arn }
}

output "log_group_name" {
  description = "CloudWatch log group of the function."
  value       = aws_cloudwatch_log_group.this.name
}

output "warm_start" {
  description = "How instances start warm: \"snap-start\" or \"scheduled-provisioned-concurrency\"."
  value       = var.warm_start
}

output "scheduled_action_names" {
  description = "Names of the Application Auto Scaling scheduled actions (empty with SnapStart)."
  value       = [for a in aws_appautoscaling_scheduled_action.provisioned_concurrency : a.name]
}

output "batch_queue_url" {
  description = "URL of the SQS queue of asynchronous batch items (BATCH_QUEUE_URL)."
  value       = aws_sqs_queue.batches.url
}

output "batch_dead_letter_queue_url" {
  description = "URL of the dead-letter queue of batch items given up (BATCH_DEAD_LETTER_QUEUE_URL)."
  value       = aws_sqs_queue.batches_dead.url
}

output "batch_worker_function_name" {
  description = "Name of the Lambda function that works batch items from SQS."
  value       = aws_lambda_function.batch_worker.function_name
}

output "front_door_auth" {
  description = "What the front door demands besides the run token: \"none\", or \"aws-iam\" (SigV4-signed requests; scripts/check-health.sh then signs with the deployer's AWS credentials)."
  value       = var.iam_front_door ? "aws-iam" : "none"
}
