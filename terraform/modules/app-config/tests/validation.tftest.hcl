# Plan-only tests of what the module derives and of the front door's limits: no provider, no cloud
# account, runs offline in seconds. Every setting's own validation is run at each of its edges by
# terraform-checks' SettingEdgesTerraformTest, which generates those runs from the app's rules,
# each changing one of the variables below.

variables {
  name                = "invoice-bridge"
  front_door          = "aws-function-url"
  request_timeout_ms  = 300000
  run_token           = "0123456789abcdefghijklmnopqrstuvwxyz"
  freee_client_id     = "client-id"
  freee_client_secret = "client-secret"
  freee_refresh_token = "refresh-token"
  redis_url           = "rediss://default:password@example.upstash.io:6379"
  app                 = { freee_company_id = 1234567 }

  token_encryption_keys = "IxsBN/a1jU5unRv+7X6Z3JdjQozKRdcH6/RaamLV7P4="

  batch_callback_secret = "callback-secret-0123456789abcdefghij"
}

run "good_config_passes" {
  command = plan

  assert {
    condition     = output.function.timeout_seconds == 305
    error_message = "The function timeout must be REQUEST_TIMEOUT_MS plus 5 s of headroom."
  }

  assert {
    condition     = output.function.environment["REQUEST_TIMEOUT_MS"] == "300000" && output.function.environment["ENABLE_STRUCTURED_LOGGING"] == "true"
    error_message = "The plain environment must carry the settings as strings, structured logging on by default."
  }

  assert {
    condition     = output.function.environment["RATE_LIMIT_PER_MINUTE"] == "30"
    error_message = "The rate limit must default to freee's 30 calls per minute."
  }

  assert {
    condition     = output.function.environment["RATE_LIMIT_PER_HOUR"] == "1500" && output.function.environment["RATE_LIMIT_PER_DAY"] == "3000"
    error_message = "The hour and day limits must default to freee's 1,500 an hour and its smallest plan's 3,000 a day."
  }

  assert {
    condition     = length(setintersection(keys(output.function.environment), output.function.secret_names)) == 0
    error_message = "No secret may appear in the plain environment."
  }
}

run "unset_defaults_are_left_out_and_set_ones_passed" {
  command = plan

  variables {
    app = {
      freee_company_id      = 1234567
      default_tax_fraction  = "round"
      default_partner_title = "御中"
    }
  }

  assert {
    condition     = !contains(keys(output.function.environment), "DEFAULT_TAX_ENTRY_METHOD") && output.function.environment["DEFAULT_TAX_FRACTION"] == "round" && output.function.environment["DEFAULT_PARTNER_TITLE"] == "御中"
    error_message = "Optional DEFAULT_* settings must be omitted when null and passed when set."
  }
}

run "function_timeout_never_exceeds_the_front_door" {
  command = plan

  variables {
    front_door         = "aws-http-api"
    request_timeout_ms = 25000
  }

  assert {
    condition     = output.function.timeout_seconds == 30 && output.function.timeout_seconds * 1000 > output.function.request_timeout_ms
    error_message = "Behind the HTTP API the function timeout must be 30 s: above the deadline, within the limit."
  }
}

run "request_timeout_at_http_api_limit_fails" {
  command = plan

  variables {
    front_door         = "aws-http-api"
    request_timeout_ms = 30000
  }

  expect_failures = [var.request_timeout_ms]
}

run "request_timeout_above_azure_limit_fails" {
  command = plan

  variables {
    front_door         = "azure-http-trigger"
    request_timeout_ms = 226000
  }

  expect_failures = [var.request_timeout_ms]
}

run "request_timeout_within_azure_limit_passes" {
  command = plan

  variables {
    front_door         = "azure-http-trigger"
    request_timeout_ms = 225000
  }

  assert {
    condition     = output.function.timeout_seconds == 230
    error_message = "On Azure the function timeout must be capped at the 230 s HTTP limit."
  }
}

run "request_timeout_above_function_url_limit_fails" {
  command = plan

  variables {
    request_timeout_ms = 900000
  }

  expect_failures = [var.request_timeout_ms]
}

run "long_request_timeout_fits_cloud_functions" {
  command = plan

  variables {
    front_door         = "gcp-function"
    request_timeout_ms = 1800000
  }

  assert {
    condition     = output.function.timeout_seconds == 1805
    error_message = "Cloud Functions allow up to 60 min; 30 min plus headroom must pass."
  }
}

run "unknown_front_door_fails" {
  command = plan

  variables {
    front_door = "cloudflare"
  }

  expect_failures = [var.front_door]
}

run "request_timeout_below_one_freee_call_fails" {
  command = plan

  variables {
    request_timeout_ms = 1500
  }

  expect_failures = [var.request_timeout_ms]
}

run "uppercase_name_fails" {
  command = plan

  variables {
    name = "Invoice_Bridge"
  }

  expect_failures = [var.name]
}

run "queues_deliver_past_batch_max_attempts_by_default" {
  command = plan

  assert {
    condition     = output.batch_queue_max_deliveries > 5 && output.function.environment["BATCH_MAX_ATTEMPTS"] == "5"
    error_message = "A cloud queue must allow more deliveries than BATCH_MAX_ATTEMPTS (default 5), or it drops an item before the app gives it up."
  }

  assert {
    condition     = output.function.batch_queue_max_deliveries == output.batch_queue_max_deliveries
    error_message = "The function modules must get the deliveries the output batch_queue_max_deliveries names."
  }
}

run "queues_deliver_past_the_lowest_batch_max_attempts" {
  command = plan

  variables {
    app = { freee_company_id = 1234567, batch_max_attempts = 1 }
  }

  assert {
    condition     = output.batch_queue_max_deliveries >= 2
    error_message = "With BATCH_MAX_ATTEMPTS=1 the queue must still allow the delivery on which the app gives the item up."
  }
}

run "queues_deliver_past_the_highest_batch_max_attempts" {
  command = plan

  variables {
    app = { freee_company_id = 1234567, batch_max_attempts = 100 }
  }

  assert {
    condition     = output.batch_queue_max_deliveries > 101
    error_message = "With BATCH_MAX_ATTEMPTS=100 the queue must allow delivery 101, on which the app gives the item up, and more."
  }
}

run "token_encryption_keys_pass_as_a_secret" {
  command = plan

  variables {
    token_encryption_keys = "a7RaIaoE9lC1fS/FiI8jxFvbQhhM6wnQGUvJrBKV6iQ=,IxsBN/a1jU5unRv+7X6Z3JdjQozKRdcH6/RaamLV7P4="
  }

  assert {
    condition     = contains(output.function.secret_names, "TOKEN_ENCRYPTION_KEYS") && !contains(keys(output.function.environment), "TOKEN_ENCRYPTION_KEYS")
    error_message = "TOKEN_ENCRYPTION_KEYS must be a secret, never a plain setting."
  }
}

run "run_token_previous_defaults_to_the_current_token" {
  command = plan

  assert {
    condition     = nonsensitive(output.secrets["RUN_TOKEN_PREVIOUS"] == var.run_token)
    error_message = "Without a rotation under way, RUN_TOKEN_PREVIOUS must be the current token (every secret store needs a value)."
  }
}

run "run_token_previous_during_a_rotation_is_passed" {
  command = plan

  variables {
    run_token_previous = "previous-run-token-0123456789abcdefghij"
  }

  assert {
    condition     = nonsensitive(output.secrets["RUN_TOKEN_PREVIOUS"] == "previous-run-token-0123456789abcdefghij")
    error_message = "run_token_previous must reach the app as RUN_TOKEN_PREVIOUS."
  }
}

