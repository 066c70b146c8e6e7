# Plan-only tests of the globally unique names: no provider, no cloud account, runs offline.

variables {
  name            = "invoice-bridge"
  subscription_id = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"
}

run "default_suffix_is_derived_from_subscription_and_name" {
  command = plan

  assert {
    condition     = output.suffix == substr(sha256("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/invoice-bridge"), 0, 6)
    error_message = "The default suffix must be 6 hex characters of sha256(subscription/name): ${output.suffix}"
  }

  assert {
    condition     = output.global_names == { function_app = "invoice-bridge-${output.suffix}", key_vault = "invoice-bridge-${output.suffix}-kv", storage_account = "invoicebridgefn${output.suffix}" }
    error_message = "Names: ${jsonencode(output.global_names)}"
  }
}

run "another_subscription" {
  command = plan

  variables {
    subscription_id = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918"
  }
}

run "another_users_default_plan_gets_other_names" {
  command = plan

  assert {
    condition     = length(setintersection(values(output.global_names), values(run.another_subscription.global_names))) == 0
    error_message = "Two subscriptions' default plans must not share a globally unique name."
  }
}

run "same_subscription_and_name_again" {
  command = plan
}

run "names_are_stable_across_plans" {
  command = plan

  assert {
    condition     = output.global_names == run.same_subscription_and_name_again.global_names
    error_message = "The derived names must not change between plans."
  }
}

run "longest_staging_name" {
  command = plan

  variables {
    name = "invoice-bridge-stage"
  }

  assert {
    condition = (
      length(output.global_names.key_vault) <= 24 && can(regex("^[a-z][a-z0-9-]*[a-z0-9]$", output.global_names.key_vault))
      && length(output.global_names.storage_account) <= 24 && can(regex("^[a-z0-9]{3,24}$", output.global_names.storage_account))
      && endswith(output.global_names.storage_account, output.suffix)
      && endswith(output.global_names.key_vault, "${output.suffix}-kv")
    )
    error_message = "Truncated names must keep the suffix and the clouds' rules: ${output.global_names.key_vault}, ${output.global_names.storage_account}"
  }
}

run "staging_beside_production_in_one_subscription_collides_nowhere" {
  command = plan

  assert {
    condition     = length(setintersection(values(output.global_names), values(run.longest_staging_name.global_names))) == 0
    error_message = "Two names that truncate alike must still get different globally unique names."
  }
}

run "empty_suffix_keeps_the_names_of_earlier_deployments" {
  command = plan

  variables {
    suffix = ""
  }

  assert {
    condition     = output.global_names == { function_app = "invoice-bridge", key_vault = "invoice-bridge-kv", storage_account = "invoicebridgefn" }
    error_message = "suffix = \"\" must give the names deployments had before: ${jsonencode(output.global_names)}"
  }
}

run "a_suffix_set_by_the_user_wins" {
  command = plan

  variables {
    suffix = "acme"
  }

  assert {
    condition     = output.global_names == { function_app = "invoice-bridge-acme", key_vault = "invoice-bridge-acme-kv", storage_account = "invoicebridgefnacme" }
    error_message = "A set suffix must be used as given: ${jsonencode(output.global_names)}"
  }
}

run "a_suffix_with_capitals_is_refused" {
  command = plan

  variables {
    suffix = "Acme"
  }

  expect_failures = [var.suffix]
}
