package io.invoicebridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server for tests, without Docker: the binary bundled in embedded-redis (Redis 6.2,
 * built with TLS), or {@code redis-server} on the PATH when the bundled one cannot start here. One
 * server per JVM, asking for a password, on a free plain port and a free TLS port with a
 * self-signed certificate ({@code openssl} makes it), started on first use; stopped with the JVM.
 * The app connects as {@link RedisAppUser}, limited by the deployment's own ACL rules; the tests'
 * own inspection ({@link #admin()}) as the default user.
 *
 * <p>As an extension ({@code @ExtendWith(RedisServerExtension.class)}) it makes sure the server
 * runs before each test (a test may have stopped it) and empties it ({@code FLUSHALL}). From an
 * {@code @MicronautTest}, hand {@link #url()} to the app as {@code bridge.redis-url} through a
 * {@code TestPropertyProvider}.
 */
public final class RedisServerExtension implements BeforeEachCallback {

  private static final String DUMP_FILE = "dump.rdb";

  /** Every test Redis asks for a password, as Upstash does, so clients must send theirs. */
  public static final String PASSWORD = "test-redis-pass-4f2a";

  private static RedisServer server;
  private static int port;
  private static int tlsPort;
  private static TestTls tls;
  private static Path dataDir;
  private static RedisAdmin admin;

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
    admin().flushAll();
  }

  /**
   * Lets at least {@code ttl} pass on the server's clock, which judges expiry: called after the
   * reply that set a TTL, it sleeps past it, with a margin for the server's millisecond rounding.
   */
  public static void elapsePast(Duration ttl) {
    Waits.pause(ttl.plusMillis(50));
  }

  /**
   * {@code redis://invoice-bridge:<password>@127.0.0.1:<port>}: the app's user, with exactly the
   * rules a deployment gives it; starts the server if needed.
   */
  public static synchronized URI url() {
    start();
    return URI.create(
        "redis://" + RedisAppUser.NAME + ":" + RedisAppUser.PASSWORD + "@127.0.0.1:" + port);
  }

  /**
   * {@code rediss://invoice-bridge:<password>@127.0.0.1:<tls port>}: the same over TLS, as Upstash
   * is reached; clients must trust {@link #tls()}.
   */
  public static synchronized URI tlsUrl() {
    start();
    return URI.create(
        "rediss://" + RedisAppUser.NAME + ":" + RedisAppUser.PASSWORD + "@127.0.0.1:" + tlsPort);
  }

  /**
   * {@code redis://default:<password>@127.0.0.1:<port>}: the all-powerful default user, for a
   * test's own look at the server (MONITOR, INFO), never for the app.
   */
  public static synchronized URI adminUrl() {
    start();
    return URI.create("redis://default:" + PASSWORD + "@127.0.0.1:" + port);
  }

  /** The server's certificate and a trust store for it. */
  public static synchronized TestTls tls() {
    start();
    return tls;
  }

  /** Starts the server, or restarts it on the same port after {@link #stop()}. */
  public static synchronized void start() {
    try {
      if (server == null) {
        port = freePort();
        tlsPort = freePort();
        dataDir = Files.createTempDirectory("embedded-redis-data");
        dataDir.toFile().deleteOnExit();
        tls = TestTls.create(dataDir);
        server = startBundledOrFromPath(port);
        admin().setUser(RedisAppUser.NAME, RedisAppUser.PASSWORD, RedisAppUser.rules());
      } else if (!server.isActive()) {
        server.start();
        // Loaded by now if stopKeepingData() wrote it; a later stop() must lose the data again.
        Files.deleteIfExists(dataDir.resolve(DUMP_FILE));
        // A restarted server knows no user but the default one.
        admin().setUser(RedisAppUser.NAME, RedisAppUser.PASSWORD, RedisAppUser.rules());
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

  /**
   * Stops the server the way a persistent Redis (Upstash) goes down and comes back: it writes its
   * data to disk ({@code SHUTDOWN SAVE}) and exits; {@link #start()} brings it back with that data.
   * Clients see connections refused meanwhile.
   */
  public static synchronized void stopKeepingData() {
    if (server == null || !server.isActive()) {
      return;
    }
    admin().shutdownSaving();
    // Redis closes its listening socket only after the save: once refused, the data is on disk.
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
    while (accepting() && Instant.now().isBefore(giveUp)) {
      Waits.pause(Duration.ofMillis(20));
    }
    stop();
  }

  private static boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** A direct connection for the tests' own inspection (FLUSHALL, PTTL, INFO...). */
  public static synchronized RedisAdmin admin() {
    start();
    if (admin == null) {
      admin = new RedisAdmin(URI.create("redis://default:" + PASSWORD + "@127.0.0.1:" + port));
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
            .setting("requirepass " + PASSWORD)
            .setting("tls-port " + tlsPort)
            .setting("tls-cert-file " + tls.certificate())
            .setting("tls-key-file " + tls.privateKey())
            .setting("tls-auth-clients no")
            // Only stopKeepingData() writes here; a directory of its own per JVM.
            .setting("dir " + dataDir.toAbsolutePath())
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
