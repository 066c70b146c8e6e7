package io.invoicebridge.config;

import io.invoicebridge.testing.TestConfig;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link BridgeProperties} the way an operator sets them: by environment variable name. */
final class Environments {

  private Environments() {}

  /** The environment variable each property is bound from, in the record's order. */
  static List<String> variables() {
    return Arrays.stream(BridgeProperties.class.getRecordComponents())
        .map(c -> variable(c.getName()))
        .toList();
  }

  /** A complete, valid environment (not a dry run) with {@code changes} applied. */
  static BridgeProperties valid(Map<String, String> changes) {
    Map<String, String> environment = asEnvironment(TestConfig.properties(false));
    environment.putAll(changes);
    return properties(environment);
  }

  /** Exactly these variables set; every other one left out. */
  static BridgeProperties properties(Map<String, String> environment) {
    RecordComponent[] components = BridgeProperties.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = environment.get(variable(components[i].getName()));
      types[i] = String.class;
    }
    try {
      return BridgeProperties.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("BridgeProperties should take one String per setting", e);
    }
  }

  private static Map<String, String> asEnvironment(BridgeProperties properties) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (RecordComponent c : BridgeProperties.class.getRecordComponents()) {
      try {
        environment.put(variable(c.getName()), (String) c.getAccessor().invoke(properties));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return environment;
  }

  /** {@code rateLimitPerMinute} is bound from {@code RATE_LIMIT_PER_MINUTE}. */
  private static String variable(String property) {
    return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
