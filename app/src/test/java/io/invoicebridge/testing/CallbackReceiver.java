package io.invoicebridge.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A callback receiver on the loopback address (plain HTTP: tests allow it with {@code
 * bridge.batches.callback-allow-loopback}); keeps every request's signature header and body, and
 * the status it answered with.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** The secret {@link #bridgeSettings} give the bridge to sign its callbacks with. */
  public static final String SECRET = "callback-secret-for-tests-0123456789";

  /** Answers held until the receiver closes, so the request never gets one. */
  public static final int HANG = 0;

  /**
   * One received callback.
   *
   * @param status what it was answered with; {@link #HANG} when it was held without an answer
   */
  public record Received(String signature, byte[] body, int status) {

    public boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile int status = 200;

  private CallbackReceiver(HttpServer server) {
    this.server = server;
  }

  /**
   * {@code others} plus the bridge settings that sign callbacks with {@link #SECRET} and allow
   * plain HTTP to a loopback receiver such as this one.
   */
  public static Map<String, Object> bridgeSettings(Map<String, Object> others) {
    Map<String, Object> settings = new HashMap<>(others);
    settings.put("bridge.batches.callback-secret", SECRET);
    settings.put("bridge.batches.callback-allow-loopback", "true");
    return settings;
  }

  public static CallbackReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      // a held request must not keep the next one waiting
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      CallbackReceiver receiver = new CallbackReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Invoice-Bridge-Signature");
            int answer = receiver.status;
            receiver.received.add(new Received(signature, body, answer));
            if (answer == HANG) {
              receiver.awaitClose();
            } else {
              exchange.sendResponseHeaders(answer, -1);
            }
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status the next callbacks are answered with (200 unless set; {@link #HANG} holds them). */
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

  /** The callbacks answered with 2xx. */
  public List<Received> delivered() {
    return received.stream().filter(Received::delivered).toList();
  }

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
