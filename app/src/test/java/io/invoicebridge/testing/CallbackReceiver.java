package io.invoicebridge.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A callback receiver on the loopback address (plain HTTP: tests allow it with {@code
 * bridge.batches.callback-allow-loopback}); keeps every request's signature header and body.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** One received callback. */
  public record Received(String signature, byte[] body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  private CallbackReceiver(HttpServer server) {
    this.server = server;
  }

  public static CallbackReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      CallbackReceiver receiver = new CallbackReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Invoice-Bridge-Signature");
            receiver.received.add(new Received(signature, body));
            exchange.sendResponseHeaders(receiver.status, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status the next callbacks are answered with (200 unless set). */
  public void answer(int httpStatus) {
    this.status = httpStatus;
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/hooks/batches";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
