package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.config.SettingRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Terraform declarations that carry the app's settings, as hcl2json renders them: a variable of
 * app-config's own (the secrets, the deployment's Redis and deadline) or an attribute of its object
 * variable {@code app}, whose validations name it as {@code var.app.NAME}.
 */
final class SettingVariables {

  /** app-config variables that describe the deployment rather than an app setting. */
  static final Set<String> DEPLOYMENT_ONLY = Set.of("name", "front_door");

  /** The object variable that holds every plain setting. */
  static final String APP = "app";

  private static final Pattern ATTRIBUTE =
      Pattern.compile("(?m)^\\s*([a-z0-9_]+)\\s*=\\s*(.+?)\\s*$");

  /**
   * One setting as Terraform declares it.
   *
   * @param reference how expressions name it: {@code var.NAME} or {@code var.app.NAME}
   * @param type "number", "string", "bool" or "list(string)"
   * @param hasDefault whether it may be left out (an optional attribute defaults to null at least)
   * @param validations the validation blocks that name it
   */
  record Declared(
      String name, String reference, String type, boolean hasDefault, List<JsonNode> validations) {

    boolean inApp() {
      return reference.startsWith("var." + APP + ".");
    }

    List<String> conditions() {
      return validations.stream().map(v -> v.path("condition").asText()).toList();
    }

    List<String> errorMessages() {
      return validations.stream().map(v -> v.path("error_message").asText()).toList();
    }
  }

  private SettingVariables() {}

  /** Every setting app-config declares, by name: its own variables and app's attributes. */
  static Map<String, Declared> appConfig() {
    Map<String, Declared> settings = new LinkedHashMap<>();
    Hcl.blocks(RepositoryLayout.module("app-config"), "variable")
        .forEach(
            (name, variable) -> {
              if (name.equals(APP)) {
                settings.putAll(attributes(variable));
              } else {
                settings.put(name, variable(name, variable));
              }
            });
    return settings;
  }

  /** The variables of a stack, from all its files. */
  static Map<String, JsonNode> stack(String cloud) {
    return Hcl.blocks(RepositoryLayout.stack(cloud), "variable");
  }

  /** The attribute names of the {@code app} object a directory declares; empty without one. */
  static Set<String> appAttributes(Path directory) {
    JsonNode app = Hcl.blocks(directory, "variable").get(APP);
    return app == null ? Set.of() : attributes(app).keySet();
  }

  static Declared of(SettingRule rule) {
    Declared declared = appConfig().get(rule.terraformVariable());
    if (declared == null) {
      throw new AssertionError(
          "modules/app-config declares no variable or app attribute "
              + rule.terraformVariable()
              + " for "
              + rule);
    }
    return declared;
  }

  /** "number", "string" or "bool" of a variable block. */
  static String type(JsonNode variable) {
    return variable.path("type").asText().replace("${", "").replace("}", "");
  }

  /** Every number N in "REFERENCE >= N" (or "<=") of any validation; "<= N * x" is left out. */
  static Set<Long> bounds(Declared declared, String operator) {
    Pattern bound =
        Pattern.compile(
            Pattern.quote(declared.reference())
                + "\\s*"
                + Pattern.quote(operator)
                + "\\s*(\\d+)(?!\\d|\\s*\\*)");
    Set<Long> found = new TreeSet<>();
    for (String condition : declared.conditions()) {
      Matcher m = bound.matcher(condition);
      while (m.find()) {
        found.add(Long.parseLong(m.group(1)));
      }
    }
    return found;
  }

  /** The quoted strings of the first {@code contains([...], ...)} of a validation. */
  static List<String> containsList(Declared declared) {
    Pattern list = Pattern.compile("contains\\(\\[([^\\]]*)]");
    Pattern quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    for (String condition : declared.conditions()) {
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
  static Set<String> schemes(Declared declared) {
    Pattern scheme = Pattern.compile("([a-z][a-z0-9+.-]*)://");
    Set<String> found = new TreeSet<>();
    for (String condition : declared.conditions()) {
      Matcher m = scheme.matcher(condition);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static Declared variable(String name, JsonNode variable) {
    List<JsonNode> validations = new ArrayList<>();
    variable.path("validation").forEach(validations::add);
    return new Declared(name, "var." + name, type(variable), variable.has("default"), validations);
  }

  /**
   * The attributes of an object variable's type, {@code NAME = TYPE} or {@code NAME =
   * optional(TYPE[, DEFAULT])}, each with the validations that name {@code var.app.NAME}.
   */
  private static Map<String, Declared> attributes(JsonNode app) {
    Map<String, Declared> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(type(app));
    while (m.find()) {
      String name = m.group(1);
      String reference = "var." + APP + "." + name;
      Pattern named = Pattern.compile(Pattern.quote(reference) + "(?![a-z0-9_])");
      List<JsonNode> validations = new ArrayList<>();
      app.path("validation")
          .forEach(
              v -> {
                if (named.matcher(v.path("condition").asText()).find()) {
                  validations.add(v);
                }
              });
      String type = m.group(2);
      boolean optional = type.startsWith("optional(");
      attributes.put(
          name,
          new Declared(
              name,
              reference,
              optional ? firstArgument(type.substring("optional(".length())) : type,
              optional,
              validations));
    }
    return attributes;
  }

  /** The text before the first comma or closing parenthesis outside any parentheses. */
  private static String firstArgument(String arguments) {
    int depth = 0;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (c == '(') {
        depth++;
      } else if ((c == ')' && depth-- == 0) || (c == ',' && depth == 0)) {
        return arguments.substring(0, i).strip();
      }
    }
    return arguments.strip();
  }
}
