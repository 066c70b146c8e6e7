package io.invoicebridge.adapters.azure;

import io.invoicebridge.testing.TestTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Azurite, Microsoft's Azure Storage emulator, serving its queue service on a free loopback port:
 * the version pinned in this module's package.json (installed with {@code npm ci} when missing),
 * started with {@code npx}, its data in a temporary folder. It serves HTTPS with the test
 * certificate and accepts OAuth bearer tokens ({@code --oauth basic}: issuer, audience and lifetime
 * are checked, the signature is not), as the app's managed identity presents them.
 */
record Azurite(Process process, int port, Path data) implements AutoCloseable {

  /** Azurite's own storage account. */
  static final String ACCOUNT = "devstoreaccount1";

  private static final Pattern LISTENING =
      Pattern.compile("Queue service successfully listens on https://127\\.0\\.0\\.1:(\\d+)");
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

  static Azurite start(TestTls tls) {
    Path module = Path.of("").toAbsolutePath();
    try {
      Path log = Files.createDirectories(module.resolve("target")).resolve("azurite.log");
      installWhenMissing(module);
      Path data = Files.createTempDirectory("azurite-data");
      Process process =
          new ProcessBuilder(
                  List.of(
                      "npx",
                      "--no-install",
                      "azurite-queue",
                      "--queueHost",
                      "127.0.0.1",
                      "--queuePort",
                      "0",
                      "--location",
                      data.toString(),
                      "--oauth",
                      "basic",
                      "--cert",
                      tls.certificate().toString(),
                      "--key",
                      tls.privateKey().toString()))
              .directory(module.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Azurite(process, awaitPort(process, log), data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Azurite", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The queue service's account URL, as {@code https://ACCOUNT.queue.core.windows.net}. */
  String accountUrl() {
    return "https://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  private static int awaitPort(Process process, Path log) throws IOException, InterruptedException {
    Instant limit = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(limit)) {
      Matcher listening = LISTENING.matcher(Files.readString(log));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Azurite exited; see " + log);
      }
      Thread.sleep(100);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    throw new IllegalStateException("Azurite did not listen in time; see " + log);
  }

  /** Installs the locked Azurite into this module's node_modules when it is missing. */
  private static void installWhenMissing(Path module) throws IOException, InterruptedException {
    if (Files.isDirectory(module.resolve("node_modules/azurite"))) {
      return;
    }
    Process install =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(module.toFile())
            .redirectErrorStream(true)
            .redirectOutput(module.resolve("target").resolve("npm-ci.log").toFile())
            .start();
    if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
      throw new IllegalStateException("npm ci failed in " + module + "; see target/npm-ci.log");
    }
  }

  /**
   * Stops Azurite (npx and the node process it started, which may outlive npx while it closes its
   * connections) and removes its data.
   */
  @Override
  public void close() {
    List<ProcessHandle> all =
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle each : all) {
      try {
        each.onExit().get(5, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException stillRunning) {
        each.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        each.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove Azurite's data in " + data, e);
    }
  }
}
