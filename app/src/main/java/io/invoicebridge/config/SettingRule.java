package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule of one setting: the one statement of it that both the app's startup validation and
 * Terraform's variable validations must follow (terraform-checks compares them).
 *
 * @param variable the environment variable, e.g. {@code RATE_LIMIT_PER_MINUTE}; the Terraform
 *     variable is the same name in lower case
 * @param requirement whether the setting may be left out
 * @param constraint what a given value must look like
 * @param defaultValue what the app uses when the setting is left out; null means none
 */
public record SettingRule(
    String variable,
    Requirement requirement,
    SettingConstraint constraint,
    @Nullable String defaultValue) {

  /** Whether a setting may be left out (unset or blank). */
  public enum Requirement {
    REQUIRED,
    /**
     * The freee credentials: a dry run sends nothing to freee. Terraform requires them always,
     * because every cloud's secret store needs a value to hold.
     */
    REQUIRED_UNLESS_DRY_RUN,
    /**
     * Needed only with a shared store ({@code REDIS_URL}) and freee credentials in use (not in a
     * dry run); Terraform requires it always, as every stack creates its Redis.
     */
    REQUIRED_WITH_REDIS,
    OPTIONAL
  }

  /** The Terraform variable that carries this setting. */
  public String terraformVariable() {
    return variable.toLowerCase(Locale.ROOT);
  }

  /**
   * The problem with a value that was given (not blank), as one phrase naming the variable and the
   * rule and never the value; empty when the value follows the rule.
   */
  public Optional<String> problemWith(String value) {
    return constraint.accepts(value)
        ? Optional.empty()
        : Optional.of(variable + " " + constraint.rule());
  }

  /**
   * The problem of leaving the setting out when no {@code REDIS_URL} is set (the app alone, in
   * memory), or empty when that is allowed.
   */
  public Optional<String> problemWhenMissing(boolean dryRun) {
    return problemWhenMissing(dryRun, false);
  }

  /** The problem of leaving the setting out, or empty when that is allowed. */
  public Optional<String> problemWhenMissing(boolean dryRun, boolean redisConfigured) {
    return switch (requirement) {
      case REQUIRED -> Optional.of(variable + " is required (" + constraint.rule() + ")");
      case REQUIRED_UNLESS_DRY_RUN ->
          dryRun
              ? Optional.empty()
              : Optional.of(variable + " is required unless FREEE_DRY_RUN=true");
      case REQUIRED_WITH_REDIS ->
          redisConfigured && !dryRun
              ? Optional.of(
                  variable
                      + " is required when REDIS_URL is set, unless FREEE_DRY_RUN=true ("
                      + constraint.rule()
                      + ")")
              : Optional.empty();
      case OPTIONAL -> Optional.empty();
    };
  }
}
