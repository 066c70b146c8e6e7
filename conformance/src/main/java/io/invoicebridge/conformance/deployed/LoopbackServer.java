package io.invoicebridge.conformance.deployed;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in's JDK HTTP server on a free loopback port: the stand-in is made from its server, then
 * serves {@code path} with its handler.
 */
public final class LoopbackServer {

  private LoopbackServer() {}

  /** The stand-in, its server started, each exchange on a virtual thread of its own. */
  public static <T> T serve(
      int backlog, String path, Function<HttpServer, T> standIn, Function<T, HttpHandler> handler) {
    return serve(
        backlog, path, standIn, handler, owner -> Executors.newVirtualThreadPerTaskExecutor());
  }

  /** The stand-in, its server started, exchanges run by the stand-in's own executor. */
  public static <T> T serve(
      int backlog,
      String path,
      Function<HttpServer, T> standIn,
      Function<T, HttpHandler> handler,
      Function<T, Executor> executor) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
      T owner = standIn.apply(server);
      server.createContext(path, handler.apply(owner));
      server.setExecutor(executor.apply(owner));
      server.start();
      return owner;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
