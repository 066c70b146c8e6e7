package io.invoicebridge.adapters.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.invoicebridge.conformance.deployed.ChildProcess;
import io.invoicebridge.conformance.deployed.LambdaRuntimeApi;
import io.invoicebridge.conformance.deployed.LambdaSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda deployment package as Lambda's java21 runtime runs it: the jar unpacked into a task
 * folder, AWS's runtime interface client ({@code AWSLambda}) as the JVM's main class with the
 * handler name, talking to {@link LambdaRuntimeApi}. Requests become function-URL events; a
 * request's {@link #REQUEST_ID_HEADER} (removed before delivery) chooses its Lambda request id.
 */
final class LambdaRuntimeTarget implements HttpTarget {

  /** Test-only: the Lambda request id the stand-in gives the invocation. */
  static final String REQUEST_ID_HEADER = "X-Stand-In-Request-Id";

  static final String HANDLER = InvoiceBridgeHandler.class.getName();
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
    env.putAll(LambdaSandbox.environment(runtimeApi, runtimeDir(), taskRoot(), handler));
    List<String> command = LambdaSandbox.command(runtimeDir(), taskRoot(), handler);
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

  /** Whether the sandbox's runtime client still runs. */
  boolean alive() {
    return function.alive();
  }

  /** The sandbox dies at once, mid-invocation if one runs (SIGKILL). */
  void kill() {
    function.kill();
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
      unpacked = LambdaSandbox.unpack(Path.of(required("function.jar")), task);
    }
    return unpacked;
  }

  private static String required(String property) {
    String path = System.getProperty(property);
    if (path == null || !Files.exists(Path.of(path))) {
      throw new IllegalStateException(property + " is not built (" + path + "): ./mvnw verify");
    }
    return path;
  }
}
