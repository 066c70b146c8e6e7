package io.invoicebridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on 127.0.0.1 between the app and a server (the test Redis), so a test can cut the
 * network at an exact moment: {@link #cut()} resets every open connection and refuses new ones
 * (each is accepted and closed at once, as a dropped route does to a TLS handshake), {@link
 * #restore()} lets new ones through again. The server itself never notices.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  /** A proxy to {@code host:port}. */
  public static TcpProxy to(String host, int port) {
    try {
      return new TcpProxy(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the proxy's port", e);
    }
  }

  /** {@code url} with its host and port replaced by this proxy's. */
  public URI in(URI url) {
    String authority =
        (url.getUserInfo() == null ? "" : url.getUserInfo() + "@")
            + "127.0.0.1:"
            + listener.getLocalPort();
    return URI.create(url.getScheme() + "://" + authority + url.getRawPath());
  }

  /** Resets every connection through the proxy and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(listener);
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
        } else {
          threads.submit(() -> connect(client));
        }
      } catch (IOException closing) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    Socket server = new Socket();
    try {
      server.connect(target, 2_000);
    } catch (IOException unreachable) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    open.add(client);
    open.add(server);
    if (cut) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    threads.submit(() -> pump(client, server));
    threads.submit(() -> pump(server, client));
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException connectionClosed) {
      // one side went away or the proxy cut it: the other side is closed below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception alreadyClosed) {
      // nothing left to close
    }
  }
}
