package io.invoicebridge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly's OpenAPI linter (@redocly/cli, pinned in app/package.json) with app/redocly.yaml. The
 * calling test is skipped, with the reason, where node or npm is not on the PATH.
 */
final class RedoclyLint {

  record Result(int exitCode, String output) {
    boolean passed() {
      return exitCode == 0;
    }
  }

  private static final long TIMEOUT_SECONDS = 300;

  /** The module directory: surefire runs the tests there. */
  private final Path module = Path.of("").toAbsolutePath();

  RedoclyLint() {
    assumeTrue(
        onPath("node") && onPath("npm"),
        "node and npm are not on PATH: skipping Redocly's lint of docs/openapi.yml");
  }

  /** Lints {@code description}; installs the locked linter first when it is missing. */
  Result lint(Path description) {
    if (!Files.isDirectory(module.resolve("node_modules/@redocly/cli"))) {
      Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
      if (!install.passed()) {
        throw new IllegalStateException("npm ci failed in app/:\n" + install.output());
      }
    }
    return run(
        List.of(
            "node",
            "node_modules/@redocly/cli/bin/cli.js",
            "lint",
            "--config",
            "redocly.yaml",
            description.toAbsolutePath().toString()));
  }

  private Result run(List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true);
    // no usage data sent, no update check: the lint works offline
    builder.environment().put("REDOCLY_TELEMETRY", "off");
    builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    try {
      Path log = Files.createTempFile("redocly-", ".log");
      try {
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(command + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return true;
      }
    }
    return false;
  }
}
