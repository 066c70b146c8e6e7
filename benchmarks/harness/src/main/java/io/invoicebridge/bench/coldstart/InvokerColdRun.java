package io.invoicebridge.bench.coldstart;

import io.invoicebridge.conformance.deployed.ChildProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One cold start as Cloud Functions gen2 does it: a fresh JVM running Google's Functions Framework
 * invoker with the function jar and entry point. The invoker builds the function before it opens
 * its port, so the port accepting connections ends init; the first answer follows.
 */
final class InvokerColdRun {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private InvokerColdRun() {}

  static ColdRun run(
      Path invoker,
      Path functionJar,
      String target,
      Entry.Request request,
      Map<String, String> env,
      Path log)
      throws Exception {
    int port = ChildProcess.freePort();
    List<String> command =
        List.of(
            ChildProcess.java(),
            "-jar",
            invoker.toString(),
            "--classpath",
            functionJar.toString(),
            "--target",
            target,
            "--port",
            Integer.toString(port));
    long start = System.nanoTime();
    try (ChildProcess function = ChildProcess.start(command, env, log)) {
      function.awaitListening(port, Duration.ofMillis(5));
      long initEnd = System.nanoTime();
      HttpResponse<String> answer =
          CLIENT.send(http(port, request), HttpResponse.BodyHandlers.ofString());
      long end = System.nanoTime();
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "the function answered " + answer.statusCode() + " " + answer.body() + "; see " + log);
      }
      return new ColdRun(ColdRun.millisSince(start, initEnd), ColdRun.millisSince(initEnd, end));
    }
  }

  private static HttpRequest http(int port, Entry.Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
            .timeout(Duration.ofSeconds(60))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach(builder::header);
    return builder.build();
  }
}
