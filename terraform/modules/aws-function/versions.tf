terraform {
  required_version = ">= 1.9.0"

  required_providers {
    # 6.28 added `invoked_via_function_url` to aws_lambda_permission, which public function
    # URLs created since October 2025 need.
    aws = { source = "hashicorp/aws", version = "~> 6.28" }
  }
}
