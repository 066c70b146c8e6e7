package io.invoicebridge.conformance.deployed;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What Lambda's java21 runtime gives a function: the deployment package unpacked into a task
 * folder, AWS's runtime interface client ({@code AWSLambda}) as the JVM's main class with the
 * handler name, the bootstrap's JVM options and the variables every sandbox has. Shared by the
 * as-deployed test and the cold-start benchmark, so both start a package the same way.
 */
public final class LambdaSandbox {

  public static final String RUNTIME_CLIENT =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /** The runtime client's system property naming its native library, read before unpacking it. */
  static final String NATIVE_CLIENT_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private static final String RUNTIME_CLIENT_JAR = "aws-lambda-java-runtime-interface-client";

  private LambdaSandbox() {}

  /**
   * The command Lambda's java21 bootstrap runs for a 512 MB function; options a function sets
   * itself arrive through {@code JAVA_TOOL_OPTIONS} in the environment, as on Lambda.
   */
  public static List<String> command(Path runtimeDir, Path taskRoot, String handler) {
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.java());
    command.addAll(
        List.of(
            "-XX:MaxHeapSize=445645k",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:-UsePerfData",
            "--add-opens=java.base/java.io=ALL-UNNAMED"));
    ownNativeClient(runtimeDir, taskRoot)
        .ifPresent(library -> command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + library));
    command.addAll(List.of("-cp", classpath(runtimeDir, taskRoot), RUNTIME_CLIENT, handler));
    return command;
  }

  /**
   * The runtime client unpacks its native library to the fixed path {@code
   * /tmp/.libaws-lambda-jni.so} and loads it from there. Every Lambda sandbox has a /tmp of its
   * own; sandboxes started side by side on one machine share this one, and one of them loads the
   * file while another rewrites it (seen: the worker's runtime client exited with 255). So each
   * sandbox gets its own copy, named by the client's own property for it.
   */
  private static Optional<Path> ownNativeClient(Path runtimeDir, Path taskRoot) {
    String entry = "jni/libaws-lambda-jni." + platform() + ".so";
    try (Stream<Path> jars = Files.list(runtimeDir)) {
      Optional<Path> client =
          jars.filter(jar -> jar.getFileName().toString().startsWith(RUNTIME_CLIENT_JAR))
              .findFirst();
      if (client.isEmpty()) {
        return Optional.empty();
      }
      Path sandboxTmp =
          Files.createTempDirectory(taskRoot.toAbsolutePath().getParent(), "lambda-tmp-");
      Path library = sandboxTmp.resolve(".libaws-lambda-jni.so");
      try (ZipFile jar = new ZipFile(client.get().toFile())) {
        ZipEntry packed = jar.getEntry(entry);
        if (packed == null) {
          return Optional.empty();
        }
        try (InputStream in = jar.getInputStream(packed)) {
          Files.copy(in, library);
        }
      }
      return Optional.of(library);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give the sandbox its own native runtime client", e);
    }
  }

  /** The runtime client's name for this machine's platform (glibc Linux). */
  private static String platform() {
    String arch = System.getProperty("os.arch");
    return "aarch64".equals(arch) ? "linux-aarch_64" : "linux-x86_64";
  }

  /** What Lambda sets alike in every sandbox of this function. */
  private static final Map<String, String> SANDBOX =
      Map.of(
          "AWS_EXECUTION_ENV", "AWS_Lambda_java21",
          "AWS_REGION", "ap-northeast-1",
          "AWS_DEFAULT_REGION", "ap-northeast-1",
          "AWS_LAMBDA_FUNCTION_NAME", "invoice-bridge",
          "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
          "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/invoice-bridge",
          "AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/28/[$LATEST]0123456789abcdef",
          "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
          "TZ", ":UTC");

  /** The variables Lambda sets in every sandbox, besides the function's own. */
  public static Map<String, String> environment(
      LambdaRuntimeApi runtimeApi, Path runtimeDir, Path taskRoot, String handler) {
    Map<String, String> env = new LinkedHashMap<>(SANDBOX);
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
    env.put("_HANDLER", handler);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
    return env;
  }

  /** Lambda's order: the runtime's own jars, then the task root. */
  static String classpath(Path runtimeDir, Path taskRoot) {
    try (Stream<Path> jars = Files.list(runtimeDir)) {
      List<String> entries = new ArrayList<>(jars.map(Path::toString).sorted().toList());
      entries.add(taskRoot.toString());
      return String.join(File.pathSeparator, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unpacks the deployment package {@code jar} into {@code into}, as Lambda fills /var/task. */
  public static Path unpack(Path jar, Path into) {
    Path root = into.toAbsolutePath();
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IllegalStateException("entry outside the task root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + jar, e);
    }
  }
}
