# The Lambda function of adapters-aws, published with SnapStart (or, instead, provisioned
# concurrency on a schedule: scaling.tf) behind an alias, fronted by a function URL (default) or
# an API Gateway HTTP API, both pointing at the alias.
#
# Secrets: Lambda has no secret references in its environment and the app reads no cloud SDK,
# so the secrets live in Secrets Manager (the record operators see, audit and rotate through
# Terraform) and reach the function as environment variables encrypted at rest with this
# module's customer-managed KMS key. See README.md.

locals {
  # Micronaut's handler for API Gateway payload 2.0 events (which function URLs also send),
  # lazy, primed before a SnapStart snapshot: adapters-aws InvoiceBridgeHandler.
  handler = "io.invoicebridge.adapters.aws.InvoiceBridgeHandler"

  alias_name = "live"

  # For shared.tf's checks: the HTTP API cuts a request at 30 s, the function URL at 15 min, and
  # Lambda stops a function after 900 s.
  platform                 = "Lambda"
  front_door_limit_seconds = var.front_door == "http-api" ? 30 : 900
  timeout_limit_seconds    = 900

  # Not read by the app: a JVM flag that shortens cold starts (C1 only).
  platform_environment = {
    JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }

  secret_environment = { for name in var.app.secret_names : name => aws_secretsmanager_secret_version.this[name].secret_string }
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "this" {
  description             = "${var.name}: encrypts the function's environment and its Secrets Manager secrets"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_secretsmanager_secret" "this" {
  for_each = toset(var.app.secret_names)

  name                    = "${var.name}/${each.key}"
  description             = "${each.key} of ${var.name}; managed by Terraform: change the Terraform variable and apply."
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.secret_recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each = toset(var.app.secret_names)

  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = var.secrets[each.key]
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_iam_role" "this" {
  name = "${var.name}-function"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "this" {
  name = "logs-and-environment-key"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.this.arn}:*"
      },
      {
        # Decrypts the environment variables (and SnapStart snapshots) encrypted with the key.
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = aws_kms_key.this.arn
      },
    ]
  })
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  description      = "invoice-bridge: creates invoices in freee exactly once"
  role             = aws_iam_role.this.arn
  runtime          = "java21"
  handler          = local.handler
  filename         = var.package_path
  source_code_hash = filebase64sha256(var.package_path)
  architectures    = [var.architecture]
  memory_size      = var.memory_mb
  timeout          = var.app.timeout_seconds
  kms_key_arn      = aws_kms_key.this.arn

  # Every change publishes a new version; the alias then moves to it.
  publish                        = true
  reserved_concurrent_executions = coalesce(var.max_instances, -1)

  environment {
    variables = merge(var.app.environment, local.secret_environment, local.platform_environment, local.batch_environment)
  }

  dynamic "snap_start" {
    for_each = var.warm_start == "snap-start" ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "this" {
  name             = local.alias_name
  description      = "The version every front door invokes."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

# Front door, default: a public function URL on the alias. It authenticates nothing itself;
# the app checks RUN_TOKEN on every /v1 call. With iam_front_door, the URL takes only requests
# signed (SigV4) by an AWS identity allowed to invoke it, and the app still checks RUN_TOKEN.
resource "aws_lambda_function_url" "this" {
  count = var.front_door == "function-url" ? 1 : 0

  function_name      = aws_lambda_alias.this.function_name
  qualifier          = aws_lambda_alias.this.name
  authorization_type = var.iam_front_door ? "AWS_IAM" : "NONE"
  invoke_mode        = "BUFFERED"
}

resource "aws_lambda_permission" "function_url" {
  count = var.front_door == "function-url" && !var.iam_front_door ? 1 : 0

  statement_id           = "${var.name}-public-function-url"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_alias.this.function_name
  qualifier              = aws_lambda_alias.this.name
  principal              = "*"
  function_url_auth_type = "NONE"
}

# Since October 2025 a public function URL also needs lambda:InvokeFunction, limited to calls
# that come through the URL.
resource "aws_lambda_permission" "function_url_invoke" {
  count = var.front_door == "function-url" && !var.iam_front_door ? 1 : 0

  statement_id             = "${var.name}-public-function-url-invoke"
  action                   = "lambda:InvokeFunction"
  function_name            = aws_lambda_alias.this.function_name
  qualifier                = aws_lambda_alias.this.name
  principal                = "*"
  invoked_via_function_url = true
}

# With iam_front_door: the URL's resource policy names each of iam_invokers (accounts or roles of
# other accounts); principals of this account need only lambda:InvokeFunctionUrl (and, since
# October 2025, lambda:InvokeFunction) in their own IAM policies.
resource "aws_lambda_permission" "function_url_iam" {
  for_each = var.front_door == "function-url" && var.iam_front_door ? toset(var.iam_invokers) : toset([])

  statement_id           = "${var.name}-iam-url-${substr(sha1(each.key), 0, 12)}"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_alias.this.function_name
  qualifier              = aws_lambda_alias.this.name
  principal              = each.key
  function_url_auth_type = "AWS_IAM"
}

resource "aws_lambda_permission" "function_url_iam_invoke" {
  for_each = var.front_door == "function-url" && var.iam_front_door ? toset(var.iam_invokers) : toset([])

  statement_id             = "${var.name}-iam-url-invoke-${substr(sha1(each.key), 0, 12)}"
  action                   = "lambda:InvokeFunction"
  function_name            = aws_lambda_alias.this.function_name
  qualifier                = aws_lambda_alias.this.name
  principal                = each.key
  invoked_via_function_url = true
}

# Front door, optional: an API Gateway HTTP API (payload 2.0) on the alias; 30 s at most. With
# iam_front_door its route takes only SigV4-signed requests of identities whose own IAM policies
# allow execute-api:Invoke on it (an HTTP API has no resource policy to name callers in).
resource "aws_apigatewayv2_api" "this" {
  count = var.front_door == "http-api" ? 1 : 0

  name          = var.name
  protocol_type = "HTTP"
  tags          = var.tags
}

resource "aws_apigatewayv2_integration" "this" {
  count = var.front_door == "http-api" ? 1 : 0

  api_id                 = aws_apigatewayv2_api.this[0].id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.this.invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "this" {
  count = var.front_door == "http-api" ? 1 : 0

  api_id             = aws_apigatewayv2_api.this[0].id
  route_key          = "$default"
  target             = "integrations/${aws_apigatewayv2_integration.this[0].id}"
  authorization_type = var.iam_front_door ? "AWS_IAM" : "NONE"
}

resource "aws_apigatewayv2_stage" "this" {
  count = var.front_door == "http-api" ? 1 : 0

  api_id      = aws_apigatewayv2_api.this[0].id
  name        = "$default"
  auto_deploy = true
  tags        = var.tags
}

resource "aws_lambda_permission" "http_api" {
  count = var.front_door == "http-api" ? 1 : 0

  statement_id  = "${var.name}-http-api"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_alias.this.function_name
  qualifier     = aws_lambda_alias.this.name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this[0].execution_arn}/*/*"
}

locals {
  url = trimsuffix(var.front_door == "function-url" ? aws_lambda_function_url.this[0].function_url : aws_apigatewayv2_stage.this[0].invoke_url, "/")

  # For the output front_door (shared.tf): with iam_front_door, requests SigV4-signed by an
  # identity allowed to invoke the function.
  front_door_auth = var.iam_front_door ? "aws-iam" : "none"
}
