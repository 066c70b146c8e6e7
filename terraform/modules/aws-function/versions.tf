terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.28 added `invoked_via_function_url` to aws_lambda_permission, which public function
      # URLs created since October 2025 need.
      version = "~> 6.28"
    }
  }
}
