package io.invoicebridge.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.deployed.ChildProcess;
import io.invoicebridge.conformance.deployed.LambdaRuntimeApi;
import io.invoicebridge.conformance.deployed.LambdaSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One cold start as Lambda's java21 runtime does it: a fresh JVM running AWS's runtime interface
 * client with the handler name, its first event already queued at the Runtime API stand-in (as when
 * an invocation triggers the cold start).
 */
final class LambdaColdRun {

  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private LambdaColdRun() {}

  static ColdRun run(
      Path runtimeDir,
      Path taskRoot,
      String handler,
      Entry.Request request,
      Map<String, String> env,
      Path log)
      throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start()) {
      String requestId = UUID.randomUUID().toString();
      var answer = api.invoke(requestId, event(request, requestId), LIMIT);
      Map<String, String> environment = new LinkedHashMap<>(env);
      environment.putAll(LambdaSandbox.environment(api, runtimeDir, taskRoot, handler));
      long start = System.nanoTime();
      try (ChildProcess function =
          ChildProcess.start(
              LambdaSandbox.command(runtimeDir, taskRoot, handler), environment, log)) {
        String response = answer.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        long end = System.nanoTime();
        requireOk(response, log);
        long initEnd = api.firstPollNanos().getNow(end);
        return new ColdRun(ColdRun.millisSince(start, initEnd), ColdRun.millisSince(initEnd, end));
      }
    }
  }

  /** A function-URL event (payload 2.0) as Lambda delivers it. */
  private static String event(Entry.Request request, String requestId) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0").put("routeKey", "$default").put("rawPath", request.path());
    event.put("rawQueryString", "");
    ObjectNode headers = event.putObject("headers");
    headers.put("host", "abcdefghijklmnopqrstuvwxyz0123456.lambda-url.ap-northeast-1.on.aws");
    headers.put("x-forwarded-proto", "https");
    request.headers().forEach((name, value) -> headers.put(name.toLowerCase(), value));
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "anonymous").put("requestId", requestId);
    context.put("routeKey", "$default").put("stage", "$default");
    context.put("timeEpoch", System.currentTimeMillis());
    ObjectNode http = context.putObject("http");
    http.put("method", request.method()).put("path", request.path());
    http.put("protocol", "HTTP/1.1").put("sourceIp", "203.0.113.10");
    if (request.body() != null) {
      event.put("body", request.body());
    }
    event.put("isBase64Encoded", false);
    return event.toString();
  }

  private static void requireOk(String response, Path log) {
    try {
      JsonNode answer = JSON.readTree(response);
      if (answer.path("statusCode").asInt() != 200) {
        throw new IllegalStateException("the function answered " + response + "; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a payload 2.0 answer: " + response, e);
    }
  }
}
