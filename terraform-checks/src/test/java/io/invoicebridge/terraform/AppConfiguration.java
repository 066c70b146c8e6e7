package io.invoicebridge.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables the app reads: every ${NAME} or ${NAME:default} in application.yml. */
final class AppConfiguration {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

  private AppConfiguration() {}

  static Path applicationYml() {
    return RepositoryLayout.root().resolve("app/src/main/resources/application.yml");
  }

  static Set<String> environmentVariableNames() {
    Path yml = applicationYml();
    if (!Files.isRegularFile(yml)) {
      throw new IllegalStateException(
          yml
              + " not found: the app's configuration must list every environment variable it reads");
    }
    try {
      Set<String> names = new TreeSet<>();
      Matcher m = PLACEHOLDER.matcher(Files.readString(yml));
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
