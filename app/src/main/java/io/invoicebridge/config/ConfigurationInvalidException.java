package io.invoicebridge.config;

import java.util.List;
import java.util.Optional;

/**
 * The environment breaks one or more rules. The message names each variable and its rule and never
 * holds a value, so it is safe to print as the one startup line.
 */
public class ConfigurationInvalidException extends RuntimeException {

  private final List<String> problems;

  public ConfigurationInvalidException(List<String> problems) {
    super("invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /** Finds this exception in a startup failure's cause chain (the DI container wraps it). */
  public static Optional<ConfigurationInvalidException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationInvalidException invalid) {
        return Optional.of(invalid);
      }
    }
    return Optional.empty();
  }
}
