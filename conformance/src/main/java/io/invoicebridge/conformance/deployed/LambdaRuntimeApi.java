package io.invoicebridge.conformance.deployed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stand-in for the Lambda Runtime API on 127.0.0.1, the interface AWS's runtime interface client
 * polls inside every Lambda sandbox: {@code GET /2018-06-01/runtime/invocation/next} hands out one
 * queued event with Lambda's headers, and the client posts the handler's answer to {@code
 * .../invocation/{id}/response} (or {@code /error}; an init failure to {@code /init/error}). Used
 * by the as-deployed tests and by the cold-start benchmark, which reads {@link #firstPollNanos} as
 * the end of the function's init (the client polls for its first event once the handler is built).
 */
public final class LambdaRuntimeApi implements AutoCloseable {

  private static final String BASE = "/2018-06-01/runtime/";
  public static final String FUNCTION_ARN =
      "arn:aws:lambda:ap-northeast-1:123456789012:function:invoice-bridge";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

  /** One event for the function, answered through {@link #answers}. */
  private record Invocation(String requestId, String event, Duration timeout) {}

  private LambdaRuntimeApi(HttpServer server) {
    this.server = server;
  }

  public static LambdaRuntimeApi start() {
    return LoopbackServer.serve(
        16, BASE, LambdaRuntimeApi::new, owner -> owner::handle, owner -> owner.threads);
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues {@code event}; the future completes with the response body the function posted. */
  public CompletableFuture<String> invoke(String requestId, String event, Duration timeout) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    answers.put(requestId, answer);
    queued.add(new Invocation(requestId, event, timeout));
    return answer;
  }

  /** Completes when the runtime client reports that the handler could not be initialised. */
  public CompletableFuture<String> initError() {
    return initError;
  }

  /** Completes with {@link System#nanoTime()} of the client's first poll for an event. */
  public CompletableFuture<Long> firstPollNanos() {
    return firstPoll;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(BASE.length());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("invocation/next")) {
        next(exchange);
      } else if (path.equals("init/error")) {
        initError.complete(body);
        exchange.sendResponseHeaders(202, -1);
      } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
        complete(exchange, requestId(path), body, false);
      } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
        complete(exchange, requestId(path), body, true);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    firstPoll.complete(System.nanoTime());
    Invocation invocation;
    try {
      invocation = queued.take();
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(500, -1);
      return;
    }
    Instant deadline = Instant.now().plus(invocation.timeout());
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline.toEpochMilli()));
    headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
    headers.set(
        "Lambda-Runtime-Trace-Id",
        "Root=1-6748a1b2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0");
    byte[] event = invocation.event().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, event.length);
    exchange.getResponseBody().write(event);
  }

  private void complete(HttpExchange exchange, String requestId, String body, boolean failed)
      throws IOException {
    CompletableFuture<String> answer = answers.remove(requestId);
    if (answer == null) {
      exchange.sendResponseHeaders(400, -1);
      return;
    }
    if (failed) {
      answer.completeExceptionally(new IllegalStateException("the function failed: " + body));
    } else {
      answer.complete(body);
    }
    exchange.sendResponseHeaders(202, -1);
  }

  private static String requestId(String path) {
    return path.split("/")[1];
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
