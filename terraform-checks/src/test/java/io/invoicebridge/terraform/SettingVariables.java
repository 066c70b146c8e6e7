package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.config.SettingRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Terraform variables that carry the app's settings, as hcl2json renders them. */
final class SettingVariables {

  /** app-config variables that describe the deployment rather than an app setting. */
  static final Set<String> DEPLOYMENT_ONLY = Set.of("name", "front_door");

  private SettingVariables() {}

  static Map<String, JsonNode> appConfig() {
    return variablesOf(RepositoryLayout.module("app-config"));
  }

  static Map<String, JsonNode> stack(String cloud) {
    return variablesOf(RepositoryLayout.stack(cloud));
  }

  static JsonNode of(SettingRule rule) {
    JsonNode variable = appConfig().get(rule.terraformVariable());
    if (variable == null) {
      throw new AssertionError(
          "modules/app-config has no variable " + rule.terraformVariable() + " for " + rule);
    }
    return variable;
  }

  /** "number", "string" or "bool". */
  static String type(JsonNode variable) {
    return variable.path("type").asText().replace("${", "").replace("}", "");
  }

  static List<String> conditions(JsonNode variable) {
    List<String> conditions = new ArrayList<>();
    variable.path("validation").forEach(v -> conditions.add(v.path("condition").asText()));
    return conditions;
  }

  static List<String> errorMessages(JsonNode variable) {
    List<String> messages = new ArrayList<>();
    variable.path("validation").forEach(v -> messages.add(v.path("error_message").asText()));
    return messages;
  }

  /** Every number N in "var.NAME >= N" (or "<=") of any validation; "<= N * x" is left out. */
  static Set<Long> bounds(JsonNode variable, String name, String operator) {
    Pattern bound =
        Pattern.compile(
            "var\\."
                + Pattern.quote(name)
                + "\\s*"
                + Pattern.quote(operator)
                + "\\s*(\\d+)(?!\\d|\\s*\\*)");
    Set<Long> found = new TreeSet<>();
    for (String condition : conditions(variable)) {
      Matcher m = bound.matcher(condition);
      while (m.find()) {
        found.add(Long.parseLong(m.group(1)));
      }
    }
    return found;
  }

  /** The quoted strings of the first {@code contains([...], ...)} of a validation. */
  static List<String> containsList(JsonNode variable) {
    Pattern list = Pattern.compile("contains\\(\\[([^\\]]*)]");
    Pattern quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    for (String condition : conditions(variable)) {
      Matcher m = list.matcher(condition);
      if (m.find()) {
        List<String> values = new ArrayList<>();
        Matcher q = quoted.matcher(m.group(1));
        while (q.find()) {
          values.add(q.group(1));
        }
        return values;
      }
    }
    return List.of();
  }

  /** Every URL scheme a validation names ("^https://", "rediss://"). */
  static Set<String> schemes(JsonNode variable) {
    Pattern scheme = Pattern.compile("([a-z][a-z0-9+.-]*)://");
    Set<String> found = new TreeSet<>();
    for (String condition : conditions(variable)) {
      Matcher m = scheme.matcher(condition);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static Map<String, JsonNode> variablesOf(Path directory) {
    return Hcl.blocks(HclFiles.file(directory.resolve("variables.tf")), "variable");
  }
}
