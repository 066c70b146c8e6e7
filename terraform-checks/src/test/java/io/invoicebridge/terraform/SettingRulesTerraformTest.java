package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.config.SettingConstraint;
import io.invoicebridge.config.SettingRule;
import io.invoicebridge.config.SettingRule.Requirement;
import io.invoicebridge.config.SettingRules;
import io.invoicebridge.terraform.SettingVariables.Declared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Terraform states the app's rule for every setting (io.invoicebridge.config.SettingRules): the
 * same type, requirement, bounds, lengths, allowed values and URL schemes, read from the
 * validations of modules/app-config. {@link SettingEdgesTerraformTest} then runs the rules' edge
 * values through both.
 */
class SettingRulesTerraformTest {

  /**
   * Optional for the app, required of every stack: each stack creates its Redis (the app alone may
   * run in memory) and picks the deadline that fits its front door.
   */
  static final Set<String> REQUIRED_BY_EVERY_DEPLOYMENT =
      Set.of("redis_url", "request_timeout_ms", "batch_callback_secret", "token_encryption_keys");

  /**
   * Settings whose Terraform type differs from the app's text, with a rule of their own there:
   * BATCH_CALLBACK_HOSTS is a list of host names, joined with commas for the app.
   */
  private static final Set<String> LIST_SETTINGS = Set.of("batch_callback_hosts");

  /** The file of app-config that declares the settings, which each stack links to. */
  static final String SETTINGS = "settings.tf";

  static Stream<SettingRule> rules() {
    return SettingRules.EVERY.stream();
  }

  @Test
  void appConfig_hasAVariableForEverySettingAndNoOther() {
    Set<String> variables = new TreeSet<>(SettingVariables.appConfig().keySet());
    variables.removeAll(SettingVariables.DEPLOYMENT_ONLY);
    variables.removeAll(LIST_SETTINGS);
    Set<String> settings = new TreeSet<>();
    SettingRules.EVERY.forEach(rule -> settings.add(rule.terraformVariable()));

    assertEquals(settings, variables, "app-config's variables against the app's SettingRules");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void appConfig_statesTheAppsRule(SettingRule rule) {
    Declared variable = SettingVariables.of(rule);
    String name = rule.terraformVariable();

    assertEquals(
        rule.requirement() == Requirement.OPTIONAL && !REQUIRED_BY_EVERY_DEPLOYMENT.contains(name),
        variable.hasDefault(),
        name + ": a required setting has no default, an optional one has one");
    switch (rule.constraint()) {
      case SettingConstraint.Flag flag -> assertEquals("bool", variable.type(), name);
      case SettingConstraint.WholeNumber number -> assertWholeNumber(variable, number);
      case SettingConstraint.Text text -> assertText(variable, text);
      case SettingConstraint.OneOf oneOf -> assertOneOf(variable, oneOf);
      case SettingConstraint.Url url -> assertUrl(variable, url);
      case SettingConstraint.AesKeys keys -> assertAesKeys(variable);
    }
  }

  /**
   * Optional secrets that fall back to another value when left out: every cloud's secret store
   * needs a value, and the app takes the current run token as its own "previous" harmlessly.
   */
  private static final Map<String, String> SECRET_FALLBACKS =
      Map.of("RUN_TOKEN_PREVIOUS", "${coalesce(var.run_token_previous, var.run_token)}");

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void appConfig_handsTheSettingToTheAppUnderItsName(SettingRule rule) {
    Map<String, JsonNode> locals = Hcl.locals(RepositoryLayout.module("app-config"));
    JsonNode plain = locals.get("environment_all").path(rule.variable());
    JsonNode secret = locals.get("secrets").path(rule.variable());
    String expression = plain.isMissingNode() ? secret.asText() : plain.asText();
    if (SECRET_FALLBACKS.containsKey(rule.variable())) {
      assertEquals(SECRET_FALLBACKS.get(rule.variable()), expression, rule.variable());
      return;
    }

    String reference = SettingVariables.of(rule).reference();
    assertTrue(
        expression.matches("\\$\\{(tostring\\()?" + Pattern.quote(reference) + "\\)?}"),
        rule.variable() + " must be set from " + reference + ": " + expression);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void stacks_passEverySettingToAppConfigUnchanged(String cloud) throws IOException {
    Path stack = RepositoryLayout.stack(cloud);
    Map<String, JsonNode> variables = SettingVariables.stack(cloud);
    Set<String> linked = Hcl.blocks(HclFiles.file(stack.resolve(SETTINGS)), "variable").keySet();
    JsonNode config = Hcl.blocks(stack, "module").get("config");

    assertTrue(
        Files.isSameFile(
            stack.resolve(SETTINGS), RepositoryLayout.module("app-config").resolve(SETTINGS)),
        cloud
            + ": "
            + SETTINGS
            + " must be a link to modules/app-config/"
            + SETTINGS
            + ", the one copy of the settings, their defaults and their rules");
    assertEquals("${var.app}", config.path(SettingVariables.APP).asText(), cloud + ": app");
    for (SettingRule rule : SettingRules.EVERY) {
      Declared setting = SettingVariables.of(rule);
      String name = rule.terraformVariable();
      if (setting.inApp()) {
        continue; // reaches app-config inside var.app, declared by the linked file
      }
      assertTrue(config.has(name), cloud + ": module.config must be given " + name);
      JsonNode variable = variables.get(name);
      if (variable == null) {
        continue; // made by the stack itself, e.g. redis_url from the Redis module
      }
      assertEquals("${var." + name + "}", config.path(name).asText(), cloud + ": " + name);
      assertEquals(setting.type(), SettingVariables.type(variable), cloud + ": type of " + name);
      assertFalse(
          variable.has("validation") && !linked.contains(name),
          cloud
              + ": "
              + name
              + " must not carry validations of its own; app-config holds the one copy of the rule");
    }
  }

  private static void assertWholeNumber(Declared variable, SettingConstraint.WholeNumber number) {
    String name = variable.name();
    String ref = variable.reference();
    assertEquals("number", variable.type(), name);
    assertTrue(
        variable.conditions().stream().anyMatch(c -> c.contains(ref + " == floor(" + ref + ")")),
        name + " must be checked to be whole");
    assertEquals(Set.of(number.min()), SettingVariables.bounds(variable, ">="), name + " min");
    assertEquals(
        number.bounded() ? Set.of(number.max()) : Set.of(),
        SettingVariables.bounds(variable, "<="),
        name + " max");
    assertMessageStates(variable, number.rule());
  }

  private static void assertText(Declared variable, SettingConstraint.Text text) {
    String name = variable.name();
    String ref = variable.reference();
    assertEquals("string", variable.type(), name);
    assertTrue(
        variable.conditions().stream()
            .anyMatch(
                c ->
                    c.contains("length(" + ref + ") >= " + text.minLength())
                        && c.contains("!can(regex(\"[[:space:]]\", " + ref + "))")),
        name + " must be at least " + text.minLength() + " long without whitespace");
    assertMessageStates(variable, text.rule());
  }

  private static void assertOneOf(Declared variable, SettingConstraint.OneOf oneOf) {
    assertEquals("string", variable.type(), variable.name());
    assertEquals(
        oneOf.values(), SettingVariables.containsList(variable), variable.name() + " values");
    assertMessageStates(variable, oneOf.rule());
  }

  private static void assertUrl(Declared variable, SettingConstraint.Url url) {
    String name = variable.name();
    assertEquals("string", variable.type(), name);
    assertEquals(
        new TreeSet<>(url.deployedSchemes()),
        SettingVariables.schemes(variable),
        name + ": a deployment allows exactly the app's deployed schemes");
    assertTrue(
        variable.conditions().stream()
            .anyMatch(c -> c.contains("!endswith(" + variable.reference() + ", \"/\")")),
        name + " must refuse a trailing slash");
  }

  private static void assertAesKeys(Declared variable) {
    assertEquals("string", variable.type(), variable.name());
    assertTrue(
        variable.conditions().stream()
            .anyMatch(
                c ->
                    c.contains(
                        "regex(\""
                            + SettingConstraint.AesKeys.PATTERN
                            + "\", "
                            + variable.reference()
                            + ")")),
        variable.name()
            + " must be checked with the app's pattern "
            + SettingConstraint.AesKeys.PATTERN);
    assertMessageStates(variable, new SettingConstraint.AesKeys().rule());
  }

  private static void assertMessageStates(Declared variable, String rule) {
    String name = variable.name();
    List<String> messages = variable.errorMessages();
    assertTrue(
        messages.stream().anyMatch(m -> m.startsWith(name + " " + rule)),
        name + ": an error message must state the app's rule \"" + rule + "\"; has " + messages);
  }
}
