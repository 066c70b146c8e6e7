package io.invoicebridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server for tests, without Docker: the binary bundled in embedded-redis (Redis 6.2),
 * or {@code redis-server} on the PATH when the bundled one cannot start here. One server per JVM
 * on a free port, started on first use; stopped with the JVM.
 *
 * <p>As an extension ({@code @ExtendWith(RedisServerExtension.class)}) it makes sure the server
 * runs before each test (a test may have stopped it) and empties it ({@code FLUSHALL}). From an
 * {@code @MicronautTest}, hand {@link #url()} to the app as {@code bridge.redis-url} through a
 * {@code TestPropertyProvider}.
 */
public final class RedisServerExtension implements BeforeEachCallback {

  private static RedisServer server;
  private static int port;
  private static RedisAdmin admin;

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
    admin().flushAll();
  }

  /** {@code redis://127.0.0.1:<port>}, starting the server if needed. */
  public static synchronized URI url() {
    start();
    return URI.create("redis://127.0.0.1:" + port);
  }

  /** Starts the server, or restarts it on the same port after {@link #stop()}. */
  public static synchronized void start() {
    try {
      if (server == null) {
        port = freePort();
        server = startBundledOrFromPath(port);
      } else if (!server.isActive()) {
        server.start();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server", e);
    }
  }

  /** Stops the server (its data is gone); the next test or {@link #start()} brings it back. */
  public static synchronized void stop() {
    try {
      if (server != null) {
        server.stop();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop redis-server", e);
    }
  }

  /** A direct connection for the tests' own inspection (FLUSHALL, PTTL, INFO...). */
  public static synchronized RedisAdmin admin() {
    if (admin == null) {
      admin = new RedisAdmin(url());
    }
    return admin;
  }

  private static RedisServer startBundledOrFromPath(int port) throws IOException {
    try {
      return started(RedisServer.newRedisServer().port(port));
    } catch (IOException bundledFailed) {
      return started(
          RedisServer.newRedisServer()
              .executableProvider(ExecutableProvider.newExecutableInPath("redis-server"))
              .port(port));
    }
  }

  private static RedisServer started(redis.embedded.core.RedisServerBuilder builder)
      throws IOException {
    RedisServer redis =
        builder
            .setting("save \"\"")
            .setting("appendonly no")
            // Drain the server's output: an unread pipe would block it once full.
            .soutListener(line -> {})
            .serrListener(line -> {})
            .build();
    redis.start();
    return redis;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
