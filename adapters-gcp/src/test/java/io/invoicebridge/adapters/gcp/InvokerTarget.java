package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.JdkHttpTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built function jar under Google's Functions Framework invoker, started as Cloud Functions
 * starts it: {@code java -jar invoker.jar --classpath <jar> --target <class> --port <port>}.
 * Settings become system properties of that JVM; its output goes to a log file.
 */
final class InvokerTarget {

  static final String FUNCTION_TARGET = "io.micronaut.gcp.function.http.HttpFunction";
  private static final long STARTUP_LIMIT_MS = 120_000;

  private InvokerTarget() {}

  /** Starts the invoker and returns once it accepts connections; {@code log} gets its output. */
  static JdkHttpTarget start(Map<String, String> properties, Path log) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.addAll(
        List.of(
            "-jar", required("invoker.jar"),
            "--classpath", required("function.jar"),
            "--target", FUNCTION_TARGET,
            "--port", Integer.toString(port)));
    try {
      Files.createDirectories(log.getParent());
      Process invoker =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      awaitListening(invoker, port, log);
      return new JdkHttpTarget(URI.create("http://localhost:" + port), () -> stop(invoker));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the invoker", e);
    }
  }

  static Path logFile(String name) {
    return Path.of(System.getProperty("invoker.log.dir", "target/invoker-logs"), name + ".log");
  }

  private static void awaitListening(Process invoker, int port, Path log) {
    long limit = System.currentTimeMillis() + STARTUP_LIMIT_MS;
    while (System.currentTimeMillis() < limit) {
      if (!invoker.isAlive()) {
        throw new IllegalStateException(
            "the invoker exited with " + invoker.exitValue() + "; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    stop(invoker);
    throw new IllegalStateException("the invoker did not listen on " + port + "; see " + log);
  }

  private static void stop(Process invoker) {
    invoker.destroy();
    try {
      if (!invoker.waitFor(10, TimeUnit.SECONDS)) {
        invoker.destroyForcibly();
      }
    } catch (InterruptedException e) {
      invoker.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String required(String property) {
    String path = System.getProperty(property);
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(property + " is not built (" + path + "): run ./mvnw verify");
    }
    return path;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
