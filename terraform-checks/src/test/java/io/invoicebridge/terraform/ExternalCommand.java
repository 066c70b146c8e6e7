package io.invoicebridge.terraform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (terraform, node, npm) with a time limit and collects its output. */
final class ExternalCommand {

  record Result(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  private ExternalCommand() {}

  /** Whether an executable of this name is on the PATH. */
  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return true;
      }
    }
    return false;
  }

  static Result run(
      Path workingDir, Duration timeout, Map<String, String> environment, List<String> command) {
    return run(workingDir, timeout, environment, command, "");
  }

  /** As {@link #run(Path, Duration, Map, List)}, with {@code input} on the command's stdin. */
  static Result run(
      Path workingDir,
      Duration timeout,
      Map<String, String> environment,
      List<String> command,
      String input) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return run(builder, workingDir, timeout, input);
  }

  /**
   * As {@link #run(Path, Duration, Map, List)}, with {@code environment} as the whole environment:
   * nothing of the test's own (a machine's real credentials, say) reaches the command.
   */
  static Result runIsolated(
      Path workingDir, Duration timeout, Map<String, String> environment, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    return run(builder, workingDir, timeout, "");
  }

  private static Result run(
      ProcessBuilder builder, Path workingDir, Duration timeout, String input) {
    List<String> command = builder.command();
    builder.directory(workingDir.toFile()).redirectErrorStream(true);
    try {
      Path log = Files.createTempFile("terraform-checks-", ".log");
      Path stdin = Files.createTempFile("terraform-checks-", ".in");
      try {
        Files.writeString(stdin, input, StandardCharsets.UTF_8);
        Process process =
            builder.redirectInput(stdin.toFile()).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
        Files.deleteIfExists(stdin);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
