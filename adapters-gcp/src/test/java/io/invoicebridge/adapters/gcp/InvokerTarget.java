package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.ChildProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built function jar under Google's Functions Framework invoker, started as Cloud Functions
 * starts it: {@code java -jar invoker.jar --classpath <jar> --target <class> --port <port>}.
 */
final class InvokerTarget {

  static final String FUNCTION_TARGET = "io.micronaut.gcp.function.http.HttpFunction";

  private InvokerTarget() {}

  /** Settings as system properties of the invoker's JVM (Micronaut property names). */
  static JdkHttpTarget start(Map<String, String> properties, Path log) {
    List<String> options = new ArrayList<>();
    properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
    return start(options, Map.of(), log);
  }

  /** As deployed: settings only in the process environment, as Cloud Functions delivers them. */
  static JdkHttpTarget startWithEnvironment(Map<String, String> environment, Path log) {
    return start(List.of(), environment, log);
  }

  static Path logFile(String name) {
    return Path.of(System.getProperty("invoker.log.dir", "target/invoker-logs"), name + ".log");
  }

  private static JdkHttpTarget start(
      List<String> jvmOptions, Map<String, String> environment, Path log) {
    int port = ChildProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.java());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar", required("invoker.jar"),
            "--classpath", required("function.jar"),
            "--target", FUNCTION_TARGET,
            "--port", Integer.toString(port)));
    ChildProcess invoker = ChildProcess.start(command, environment, log);
    invoker.awaitListening(port);
    return new JdkHttpTarget(URI.create("http://localhost:" + port), invoker::close);
  }

  private static String required(String property) {
    String path = System.getProperty(property);
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(property + " is not built (" + path + "): run ./mvnw verify");
    }
    return path;
  }
}
