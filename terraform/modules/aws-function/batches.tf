# Asynchronous batches (/v1/batches) on SQS: the function queues a batch's items, a second
# function from the same package (another handler) works them from the queue through an event
# source mapping whose maximum concurrency bounds the instances calling freee. Waits for a quota
# window are new delayed messages (they spend no receive count); the app gives an item up after
# BATCH_MAX_ATTEMPTS failures (the batch shows it failed with the reason) and moves its message to
# the dead-letter queue itself; SQS's own redrive after app.batch_queue_max_deliveries receives
# catches messages whose worker stopped mid-item. An alarm fires as soon as one lands there.

locals {
  batch_worker_handler = "io.invoicebridge.adapters.aws.SqsBatchHandler"

  batch_environment = {
    BATCH_QUEUE                 = "sqs"
    BATCH_QUEUE_URL             = aws_sqs_queue.batches.url
    BATCH_DEAD_LETTER_QUEUE_URL = aws_sqs_queue.batches_dead.url
  }

  # AWS's advice: a queue's visibility timeout at least six times the function's timeout.
  batch_visibility_timeout_seconds = min(43200, 6 * var.app.timeout_seconds)
}

resource "aws_sqs_queue" "batches" {
  name                       = "${var.name}-batches"
  visibility_timeout_seconds = local.batch_visibility_timeout_seconds
  # Batches are kept 7 days (as long as the ledger keeps keys); so are their messages.
  message_retention_seconds = 604800
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "batches_dead" {
  name                      = "${var.name}-batches-dead"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue_redrive_policy" "batches" {
  queue_url = aws_sqs_queue.batches.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.batches_dead.arn
    maxReceiveCount     = var.app.batch_queue_max_deliveries
  })
}

resource "aws_cloudwatch_log_group" "batch_worker" {
  name              = "/aws/lambda/${var.name}-batch-worker"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

# Least privilege: both functions send (the API queues items, the worker hands them back and
# dead-letters them); only the worker's event source mapping receives and deletes.
resource "aws_iam_role_policy" "batches" {
  name = "batch-queues"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = [aws_sqs_queue.batches.arn, aws_sqs_queue.batches_dead.arn]
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
        Resource = aws_sqs_queue.batches.arn
      },
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.batch_worker.arn}:*"
      },
    ]
  })
}

resource "aws_lambda_function" "batch_worker" {
  function_name    = "${var.name}-batch-worker"
  description      = "invoice-bridge: works asynchronous batches from SQS"
  role             = aws_iam_role.this.arn
  runtime          = "java21"
  handler          = local.batch_worker_handler
  filename         = var.package_path
  source_code_hash = filebase64sha256(var.package_path)
  architectures    = [var.architecture]
  memory_size      = var.memory_mb
  timeout          = var.app.timeout_seconds
  kms_key_arn      = aws_kms_key.this.arn

  environment {
    variables = merge(var.app.environment, local.secret_environment, local.platform_environment, local.batch_environment)
  }

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.batch_worker, aws_iam_role_policy.this, aws_iam_role_policy.batches]
}

resource "aws_lambda_event_source_mapping" "batches" {
  event_source_arn = aws_sqs_queue.batches.arn
  function_name    = aws_lambda_function.batch_worker.arn
  batch_size       = var.batch_worker_batch_size
  # Failed messages only are redelivered (the handler reports them), not the whole batch.
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.batch_worker_max_concurrency
  }
}

resource "aws_cloudwatch_metric_alarm" "batches_dead_letters" {
  alarm_name          = "${var.name}-batches-dead-letters"
  alarm_description   = "A batch item was given up (its batch shows it failed with the reason): read ${aws_cloudwatch_log_group.batch_worker.name}, fix the cause, resubmit the item."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.batches_dead.name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = var.tags
}
