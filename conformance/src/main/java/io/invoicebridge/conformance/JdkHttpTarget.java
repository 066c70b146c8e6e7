package io.invoicebridge.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Real HTTP to a listening server (the Netty app, or a cloud runtime started as a process).
 *
 * @param base the server's root, for example {@code http://localhost:8080}
 * @param stop what {@link #close()} runs after the client is closed
 * @param client this target's own client, closed with it
 */
public record JdkHttpTarget(URI base, Runnable stop, HttpClient client) implements HttpTarget {

  public JdkHttpTarget(URI base, Runnable stop) {
    this(
        base,
        stop,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build());
  }

  @Override
  public HttpAnswer send(HttpCall call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(call.target()))
            .timeout(Duration.ofSeconds(60))
            .method(
                call.method(),
                call.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    call.headers().forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(call.method() + " " + call.target() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + call.target(), e);
    }
  }

  @Override
  public void close() {
    client.close();
    stop.run();
  }
}
