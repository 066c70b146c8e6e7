package io.invoicebridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis user the app connects as in every test, with exactly the ACL rules a deployment gives
 * it on Upstash: both read {@value #RULES_FILE} of the repository, so a command the app sends and
 * the rules forget fails a test with {@code NOPERM}.
 */
public final class RedisAppUser {

  public static final String NAME = "invoice-bridge";
  public static final String PASSWORD = "test-app-user-pass-9d3b";

  /** The rule list, relative to the repository's root. */
  public static final String RULES_FILE = "terraform/scripts/redis-app-user.acl";

  private RedisAppUser() {}

  /** The rules in the file's order, comments and blank lines left out. */
  public static List<String> rules() {
    Path file = rulesFile();
    try {
      List<String> rules = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String rule = line.strip();
        if (!rule.isEmpty() && !rule.startsWith("#")) {
          rules.add(rule);
        }
      }
      return rules;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /**
   * The file, found from the working directory upwards: a module's tests run in its own directory,
   * the benchmark harness in the repository's root.
   */
  private static Path rulesFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RULES_FILE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        RULES_FILE + " not found above " + Path.of("").toAbsolutePath());
  }
}
