package io.invoicebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of setting rules is complete, bound in application.yml, and what startup applies. */
class SettingRulesTest {

  private static final Pattern BINDING =
      Pattern.compile("^  [a-z-]+: \\$\\{([A-Z][A-Z0-9_]*):([^}]*)}\\s*$", Pattern.MULTILINE);

  @Test
  void table_hasOneRuleForEverySettingAndNoOther() {
    assertEquals(
        new TreeSet<>(Environments.variables()),
        new TreeSet<>(SettingRules.BY_VARIABLE.keySet()),
        "BridgeProperties and SettingRules.ALL must name the same environment variables");
    assertEquals(SettingRules.ALL.size(), SettingRules.BY_VARIABLE.size(), "one rule per setting");
  }

  @Test
  void applicationYml_bindsEverySettingWithTheTablesDefault() throws IOException {
    Map<String, String> bindings = bridgeBindings();

    assertEquals(
        new TreeSet<>(SettingRules.BY_VARIABLE.keySet()), new TreeSet<>(bindings.keySet()));
    bindings.forEach(
        (variable, fallback) -> {
          String tableDefault = SettingRules.BY_VARIABLE.get(variable).defaultValue();
          // An empty fallback leaves the default to the validator, which takes the table's.
          assertTrue(
              fallback.isEmpty() || fallback.equals(tableDefault),
              () ->
                  "application.yml gives "
                      + variable
                      + " the default '"
                      + fallback
                      + "', the table '"
                      + tableDefault
                      + "'");
        });
  }

  static Stream<SettingRule> rules() {
    return SettingRules.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void from_everyEdgeValue_decidedAsTheRuleSays(SettingRule rule) {
    for (String edge : rule.constraint().edges()) {
      Optional<String> expected =
          edge.isBlank() ? rule.problemWhenMissing(false) : rule.problemWith(edge);
      Map<String, String> changes = new HashMap<>();
      changes.put(rule.variable(), edge);

      List<String> problems = problemsOf(Environments.valid(changes));

      assertEquals(
          expected.map(List::of).orElse(List.of()),
          problems,
          () -> rule.variable() + " given an edge value of " + edge.length() + " characters");
    }
  }

  @Test
  void problems_neverHoldTheValue() {
    for (SettingRule rule : SettingRules.ALL) {
      for (String edge : rule.constraint().edges()) {
        if (edge.length() > 3) {
          rule.problemWith(edge)
              .ifPresent(
                  p ->
                      assertTrue(
                          !p.contains(edge) || rule.constraint().rule().contains(edge),
                          () -> rule.variable() + "'s problem repeats the value: " + p));
        }
      }
    }
  }

  private static List<String> problemsOf(BridgeProperties properties) {
    try {
      BridgeConfig.from(properties);
      return List.of();
    } catch (ConfigurationInvalidException e) {
      return e.problems();
    }
  }

  private static Map<String, String> bridgeBindings() throws IOException {
    try (InputStream in = SettingRulesTest.class.getResourceAsStream("/application.yml")) {
      if (in == null) {
        fail("application.yml is not on the classpath");
      }
      String yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String bridge = yml.substring(yml.indexOf("\nbridge:\n"));
      bridge = bridge.substring(0, nextTopLevelKey(bridge));
      Map<String, String> bindings = new LinkedHashMap<>();
      Matcher m = BINDING.matcher(bridge);
      while (m.find()) {
        bindings.put(m.group(1), m.group(2));
      }
      // bridge.* itself; nested groups (bridge.batches) have rules of their own list
      Set<String> lines =
          new TreeSet<>(bridge.lines().filter(l -> l.matches("  [a-z-]+: .+")).toList());
      assertEquals(lines.size(), bindings.size(), "every bridge.* line binds one variable");
      return bindings;
    }
  }

  private static int nextTopLevelKey(String fromBridge) {
    Matcher next = Pattern.compile("\n[a-z]").matcher(fromBridge);
    return next.find(1) ? next.start() : fromBridge.length();
  }
}
