package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The npm packages terraform-checks/package.json pins, installed from its lock file into
 * terraform-checks/node_modules when any is missing.
 */
final class NodePackages {

  private NodePackages() {}

  /**
   * The terraform-checks module, its packages installed; skips the calling test with a reason when
   * node or npm is missing.
   */
  static synchronized Path installed(String why) {
    assumeTrue(
        ExternalCommand.onPath("node") && ExternalCommand.onPath("npm"),
        "node and npm are not on PATH: skipping " + why);
    Path module = RepositoryLayout.checksModule();
    if (missing(module).isEmpty()) {
      return module;
    }
    ExternalCommand.Result install =
        ExternalCommand.run(
            module,
            Duration.ofMinutes(5),
            Map.of(),
            List.of("npm", "ci", "--no-audit", "--no-fund"));
    if (!install.succeeded()) {
      throw new IllegalStateException("npm ci failed in terraform-checks:\n" + install.output());
    }
    return module;
  }

  private static List<String> missing(Path module) {
    try {
      List<String> missing = new ArrayList<>();
      new ObjectMapper()
          .readTree(module.resolve("package.json").toFile())
          .path("dependencies")
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!Files.isDirectory(module.resolve("node_modules").resolve(name))) {
                  missing.add(name);
                }
              });
      return missing;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
