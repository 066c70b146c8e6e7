package io.invoicebridge.adapters.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Lambda deployment package as Lambda's java21 runtime runs it: the jar unpacked into a task
 * folder, AWS's runtime interface client ({@code AWSLambda}) as the JVM's main class with the
 * handler name, talking to {@link LambdaRuntimeApi}. Requests become function-URL events; a
 * request's {@link #REQUEST_ID_HEADER} (removed before delivery) chooses its Lambda request id.
 */
final class LambdaRuntimeTarget implements HttpTarget {

  /** Test-only: the Lambda request id the stand-in gives the invocation. */
  static final String REQUEST_ID_HEADER = "X-Stand-In-Request-Id";

  static final String HANDLER =
      "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
  private static final String RUNTIME_CLIENT =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  private static final Duration INVOCATION_LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path unpacked;

  private final LambdaRuntimeApi runtimeApi;
  private final ChildProcess function;
  private final ObjectNode template;

  private LambdaRuntimeTarget(LambdaRuntimeApi runtimeApi, ChildProcess function) {
    this.runtimeApi = runtimeApi;
    this.function = function;
    this.template = LambdaTarget.sample(LambdaTarget.FUNCTION_URL);
  }

  /**
   * Starts the runtime with the function's environment plus what Lambda itself sets. Lambda starts
   * the JVM at the first invocation's init, so this returns at once; the first request waits.
   */
  static LambdaRuntimeTarget start(Map<String, String> environment, Path log) {
    return start(environment, log, HANDLER);
  }

  /** The same with another handler of the package (a function configured with that handler). */
  static LambdaRuntimeTarget start(Map<String, String> environment, Path log, String handler) {
    LambdaRuntimeApi runtimeApi = LambdaRuntimeApi.start();
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.putAll(lambdaEnvironment(runtimeApi, handler));
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.java());
    // What Lambda's java21 bootstrap passes for a 512 MB function (the stack's JAVA_TOOL_OPTIONS
    // arrive through the environment, as on Lambda).
    command.addAll(
        List.of(
            "-XX:MaxHeapSize=445645k",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:-UsePerfData",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-cp",
            classpath(),
            RUNTIME_CLIENT,
            handler));
    return new LambdaRuntimeTarget(runtimeApi, ChildProcess.start(command, env, log));
  }

  @Override
  public HttpAnswer send(HttpCall call) {
    String requestId = call.header(REQUEST_ID_HEADER).orElseGet(() -> UUID.randomUUID().toString());
    Map<String, String> headers = new LinkedHashMap<>(call.headers());
    headers.keySet().removeIf(REQUEST_ID_HEADER::equalsIgnoreCase);
    HttpCall delivered = new HttpCall(call.method(), call.target(), headers, call.body());
    ObjectNode event = Payload2Events.event(template, delivered, requestId);
    String response = await(runtimeApi.invoke(requestId, event.toString(), INVOCATION_LIMIT));
    try {
      return Payload2Events.answer(JSON.readTree(response));
    } catch (IOException e) {
      throw new UncheckedIOException("the function's response is not JSON: " + response, e);
    }
  }

  /** Invokes the function with a raw event (e.g. an SQS event); the response as posted. */
  String invoke(String event) {
    return await(runtimeApi.invoke(UUID.randomUUID().toString(), event, INVOCATION_LIMIT));
  }

  @Override
  public void close() {
    function.close();
    runtimeApi.close();
  }

  private String await(CompletableFuture<String> answer) {
    long limit = System.nanoTime() + INVOCATION_LIMIT.toNanos();
    while (System.nanoTime() < limit) {
      if (runtimeApi.initError().isDone()) {
        throw new IllegalStateException("init failed: " + runtimeApi.initError().join());
      }
      function.requireAlive();
      try {
        return answer.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // poll the process and the init error again
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no answer within " + INVOCATION_LIMIT);
  }

  /** The variables Lambda sets in every sandbox, besides the function's own. */
  private static Map<String, String> lambdaEnvironment(
      LambdaRuntimeApi runtimeApi, String handler) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
    env.put("_HANDLER", handler);
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("AWS_REGION", "ap-northeast-1");
    env.put("AWS_DEFAULT_REGION", "ap-northeast-1");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "invoice-bridge");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/invoice-bridge");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/28/[$LATEST]0123456789abcdef");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("LAMBDA_TASK_ROOT", taskRoot().toString());
    env.put("LAMBDA_RUNTIME_DIR", runtimeDir().toString());
    env.put("TZ", ":UTC");
    return env;
  }

  /** Lambda's order: the runtime's own jars, then the task root. */
  private static String classpath() {
    try (Stream<Path> jars = Files.list(runtimeDir())) {
      List<String> entries = new ArrayList<>(jars.map(Path::toString).sorted().toList());
      entries.add(taskRoot().toString());
      return String.join(java.io.File.pathSeparator, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path runtimeDir() {
    return Path.of(required("lambda.runtime.dir"));
  }

  /**
   * The deployment package unpacked, as Lambda unpacks it into {@code /var/task}; afresh in every
   * test JVM, so a rebuilt jar is never run from an older unpacking.
   */
  private static synchronized Path taskRoot() {
    if (unpacked == null) {
      Path task = Path.of("target", "lambda-task-" + ProcessHandle.current().pid());
      unzip(Path.of(required("function.jar")), task.toAbsolutePath());
      unpacked = task.toAbsolutePath();
    }
    return unpacked;
  }

  private static void unzip(Path jar, Path into) {
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IllegalStateException("entry outside the task root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + jar, e);
    }
  }

  private static String required(String property) {
    String path = System.getProperty(property);
    if (path == null || !Files.exists(Path.of(path))) {
      throw new IllegalStateException(property + " is not built (" + path + "): ./mvnw verify");
    }
    return path;
  }
}
