package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.invoicebridge.config.SettingConstraint;
import io.invoicebridge.config.SettingRule;
import io.invoicebridge.config.SettingRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every edge value of every setting rule through the app's rule and through {@code terraform
 * test} of modules/app-config (plan only, no provider): both must decide alike. The one declared
 * difference: a deployment allows only a rule's encrypted URL schemes.
 */
class SettingEdgesTerraformTest {

  /**
   * The module's own good configuration, the file-level variables of its
   * tests/validation.tftest.hcl; each case changes one variable.
   */
  private static final Pattern BASE_VARIABLES = Pattern.compile("(?ms)^variables \\{$.*?^}$");

  /**
   * The longest front door: request_timeout_ms's edges run behind it, so only the setting's own
   * rule limits them (the base's function URL allows 15 min).
   */
  private static final String LONGEST_FRONT_DOOR = "front_door = \"gcp-function\"";

  private static final Pattern FAILED_RUN = Pattern.compile("run \"(c\\d+)\"\\.\\.\\. fail");

  /** The base's company id, which every case of an app attribute repeats: a run sets all of app. */
  private static final String BASE_COMPANY_ID = "1234567";

  /** One value of one setting, and whether Terraform must refuse it. */
  record EdgeCase(String run, SettingRule rule, String value, boolean refused) {

    /** The variable that holds the setting: its own, or app. */
    String variable() {
      return SettingVariables.of(rule).inApp() ? SettingVariables.APP : rule.terraformVariable();
    }

    /** The run's value of {@link #variable()}: app carries the base's company id besides. */
    String variableValue() {
      if (!variable().equals(SettingVariables.APP)) {
        return literal(value);
      }
      String company = "freee_company_id";
      return rule.terraformVariable().equals(company)
          ? "{ " + company + " = " + literal(value) + " }"
          : "{ %s = %s, %s = %s }"
              .formatted(company, BASE_COMPANY_ID, rule.terraformVariable(), literal(value));
    }

    String describe() {
      return rule.terraformVariable()
          + " = "
          + literal(value)
          + (refused ? " must fail the plan" : " must pass the plan, as the app starts with it");
    }
  }

  @Test
  void edgeValues_terraformDecidesLikeTheApp() throws IOException {
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping the edge values of modules/app-config");
    List<EdgeCase> cases = cases();
    Path module = moduleCopyWith(cases);
    Map<String, String> env = OfflineTerraform.environment(module.resolve(".tf-data"));

    ExternalCommand.Result init = OfflineTerraform.init(module, env);
    ExternalCommand.Result test = OfflineTerraform.test(module, env, Duration.ofMinutes(5));

    assertTrue(init.succeeded(), "terraform init failed:\n" + init.output());
    List<String> disagreements = new ArrayList<>();
    Matcher failed = FAILED_RUN.matcher(test.output());
    while (failed.find()) {
      String run = failed.group(1);
      cases.stream()
          .filter(c -> c.run().equals(run))
          .forEach(c -> disagreements.add(c.describe() + ", but did not"));
    }
    assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    assertTrue(
        test.succeeded() && test.output().contains(" 0 failed"),
        "terraform test failed:\n" + test.output());
    assertFalse(cases.isEmpty());
  }

  /** Every edge of every rule that a Terraform variable of the rule's type can hold. */
  static List<EdgeCase> cases() {
    List<EdgeCase> cases = new ArrayList<>();
    for (SettingRule rule : SettingRules.EVERY) {
      for (String value : rule.constraint().edges()) {
        if (expressible(rule.constraint(), value)) {
          String run = "c%03d".formatted(cases.size());
          cases.add(
              new EdgeCase(run, rule, value, appRefuses(rule, value) || tightened(rule, value)));
        }
      }
    }
    return cases;
  }

  /** The app's verdict; blank means "left out", refused only when the setting is required. */
  private static boolean appRefuses(SettingRule rule, String value) {
    return value.isBlank()
        ? rule.problemWhenMissing(false).isPresent()
        : rule.problemWith(value).isPresent();
  }

  /**
   * A URL the app accepts (for local runs and tests) but a deployment must not use, or leaving out
   * a setting the app may do without but every deployment needs.
   */
  private static boolean tightened(SettingRule rule, String value) {
    if (value.isBlank()) {
      return SettingRulesTerraformTest.REQUIRED_BY_EVERY_DEPLOYMENT.contains(
          rule.terraformVariable());
    }
    return rule.constraint() instanceof SettingConstraint.Url url
        && value.contains("://")
        && !url.deployedSchemes().contains(value.substring(0, value.indexOf("://")));
  }

  /**
   * Terraform's types refuse what they cannot hold before any validation runs (text for a number,
   * "yes" for a bool), as the app does; leaving out an optional setting is not a value.
   */
  private static boolean expressible(SettingConstraint constraint, String value) {
    return switch (constraint) {
      case SettingConstraint.WholeNumber n -> value.matches("-?\\d+(\\.\\d+)?");
      case SettingConstraint.Flag f -> value.equals("true") || value.equals("false");
      case SettingConstraint.Text t -> true;
      default -> !value.isBlank();
    };
  }

  /** A copy of modules/app-config under target/ whose only test is the generated one. */
  private static Path moduleCopyWith(List<EdgeCase> cases) throws IOException {
    Path source = RepositoryLayout.module("app-config");
    Path copy = RepositoryLayout.checksModule().resolve("target/setting-edges/app-config");
    Files.createDirectories(copy.resolve("tests"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path tf : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        Files.copy(tf, copy.resolve(tf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    StringBuilder hcl = new StringBuilder(baseVariables(source)).append('\n');
    for (EdgeCase c : cases) {
      hcl.append("\nrun \"")
          .append(c.run())
          .append("\" {\n  command = plan\n\n  variables {\n    ")
          .append(c.variable())
          .append(" = ")
          .append(c.variableValue());
      if (c.variable().equals("request_timeout_ms")) {
        hcl.append("\n    ").append(LONGEST_FRONT_DOOR);
      }
      hcl.append("\n  }\n");
      if (c.refused()) {
        hcl.append("\n  expect_failures = [var.").append(c.variable()).append("]\n");
      }
      hcl.append("}\n");
    }
    Files.writeString(copy.resolve("tests/edges.tftest.hcl"), hcl, StandardCharsets.UTF_8);
    return copy;
  }

  private static String baseVariables(Path module) throws IOException {
    Path tests = module.resolve("tests/validation.tftest.hcl");
    Matcher block = BASE_VARIABLES.matcher(Files.readString(tests, StandardCharsets.UTF_8));
    if (!block.find()) {
      throw new IllegalStateException(tests + " has no file-level variables block");
    }
    return block.group();
  }

  /** The value as an HCL literal: numbers and bools bare, text quoted and escaped. */
  private static String literal(String value) {
    if (value.matches("-?\\d+(\\.\\d+)?|true|false")) {
      return value;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString().replace("${", "$${").replace("%{", "%%{");
  }
}
