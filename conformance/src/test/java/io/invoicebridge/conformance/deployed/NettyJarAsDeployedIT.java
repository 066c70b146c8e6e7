package io.invoicebridge.conformance.deployed;

import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.JdkHttpTarget;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runnable jar of the app on a VM or in a container: {@code java -jar invoice-bridge.jar} with
 * {@code PORT} and the stack's variables, behind a proxy that sends W3C {@code traceparent}.
 */
class NettyJarAsDeployedIT extends AsDeployedCases {

  NettyJarAsDeployedIT() {
    super(
        "netty-jar", Correlation.traceId("traceparent", id -> "00-" + id + "-00f067aa0ba902b7-01"));
  }

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    int port = ChildProcess.freePort();
    Map<String, String> withPort = new HashMap<>(environment);
    withPort.put("PORT", Integer.toString(port));
    ChildProcess app =
        ChildProcess.start(List.of(ChildProcess.java(), "-jar", appJar()), withPort, log);
    app.awaitListening(port);
    return new JdkHttpTarget(URI.create("http://127.0.0.1:" + port), app::close);
  }

  private static String appJar() {
    String jar = System.getProperty("app.jar", "");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the runnable jar is not built (" + jar + "): ./mvnw verify");
    }
    return jar;
  }
}
