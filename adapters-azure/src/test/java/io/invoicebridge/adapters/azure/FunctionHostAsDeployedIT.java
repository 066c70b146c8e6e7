package io.invoicebridge.adapters.azure;

import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.AsDeployedCases;
import io.invoicebridge.conformance.deployed.ChildProcess;
import io.invoicebridge.conformance.deployed.Correlation;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The staged function app (the folder the Flex Consumption deploy zips) run in a JVM of its own
 * through the function class, by {@link FunctionsHostStandIn} in place of the Functions host, with
 * the app settings as environment variables (Key Vault references arrive resolved, as the platform
 * resolves them). The invocation id is the correlation id.
 */
class FunctionHostAsDeployedIT extends AsDeployedCases {

  FunctionHostAsDeployedIT() {
    super("azure-function", Correlation.requestId(FunctionsHostStandIn.INVOCATION_ID_HEADER));
  }

  @Override
  protected HttpTarget start(Map<String, String> environment, Path log) {
    return startStandIn(environment, log);
  }

  /** The staged app under {@link FunctionsHostStandIn}, configured by {@code environment}. */
  static JdkHttpTarget startStandIn(Map<String, String> environment, Path log) {
    Started host = startHost(environment, log);
    return new JdkHttpTarget(host.uri(), host.process()::close);
  }

  /** The same, ended at once when closed (SIGKILL), as an instance that crashes. */
  static JdkHttpTarget startStandInKilledOnClose(Map<String, String> environment, Path log) {
    Started host = startHost(environment, log);
    return new JdkHttpTarget(host.uri(), host.process()::kill);
  }

  private static Started startHost(Map<String, String> environment, Path log) {
    Path staging = Path.of(required("function.staging.dir"));
    int port = ChildProcess.freePort();
    String classpath =
        String.join(
            File.pathSeparator,
            staging.resolve("invoice-bridge-azure.jar").toString(),
            staging.resolve("lib").resolve("*").toString(),
            Path.of(required("functions.worker.dir")).resolve("*").toString(),
            required("test.classes.dir"));
    ChildProcess host =
        ChildProcess.start(
            List.of(
                ChildProcess.java(),
                "-cp",
                classpath,
                FunctionsHostStandIn.class.getName(),
                Integer.toString(port),
                staging.toString()),
            environment,
            log);
    host.awaitListening(port);
    return new Started(host, URI.create("http://127.0.0.1:" + port));
  }

  /** The host's process and where it listens. */
  private record Started(ChildProcess process, URI uri) {}

  /** What Azure and terraform/modules/azure-function add to the app's variables. */
  @Override
  protected Map<String, String> platformEnvironment() {
    return Map.of(
        "FUNCTIONS_WORKER_RUNTIME", "java",
        "FUNCTIONS_EXTENSION_VERSION", "~4",
        "WEBSITE_SITE_NAME", "invoice-bridge",
        "AzureFunctionsJobHost__functionTimeout", "00:00:30");
  }

  private static String required(String property) {
    String path = System.getProperty(property);
    if (path == null || !Files.exists(Path.of(path))) {
      throw new IllegalStateException(property + " is not built (" + path + "): ./mvnw verify");
    }
    return path;
  }
}
