package io.invoicebridge.conformance.deployed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A packaged entry point in a JVM of its own, started the way its platform starts it: a command,
 * exactly the environment given (nothing inherited but {@code PATH}, so settings can only arrive as
 * the platform delivers them), and its output in a log file.
 */
public final class ChildProcess implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

  private final Process process;
  private final LogFile log;

  private ChildProcess(Process process, LogFile log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command}; stdout and stderr both go to {@code log}. */
  public static ChildProcess start(
      List<String> command, Map<String, String> environment, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      String path = env.get("PATH");
      env.clear();
      env.put("PATH", path);
      env.putAll(environment);
      return new ChildProcess(builder.start(), new LogFile(log));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command.getFirst(), e);
    }
  }

  /** The {@code java} of the JDK running the tests (21+, like every cloud's runtime). */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns once {@code port} accepts connections; fails early if the process exits. */
  public void awaitListening(int port) {
    awaitListening(port, Duration.ofMillis(100));
  }

  /** As {@link #awaitListening(int)}, trying every {@code poll} (a benchmark polls finely). */
  public void awaitListening(int port, Duration poll) {
    Instant limit = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(limit)) {
      requireAlive();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        pause(poll);
      }
    }
    close();
    throw new IllegalStateException("nothing listened on " + port + " in time; see " + log.path());
  }

  /** Fails with the exit code and the log's path when the process is gone. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the process exited with " + process.exitValue() + "; see " + log.path());
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Ends the process at once, as a crash or the platform reclaiming it would (SIGKILL). */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public LogFile log() {
    return log;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Waits about {@code duration} between polls; a wait interrupted ends the test. */
  static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
    if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("interrupted while waiting");
    }
  }
}
