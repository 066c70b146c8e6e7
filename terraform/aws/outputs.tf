output "function_name" {
  description = "Name of the Lambda function."
  value       = module.function.resources.function_name
}

output "function_version" {
  description = "Published version the alias points at."
  value       = module.function.resources.function_version
}

output "log_group_name" {
  description = "The function's CloudWatch log group (ops/send-test-alert.sh writes a synthetic ERROR line there)."
  value       = module.function.resources.log_group_name
}
