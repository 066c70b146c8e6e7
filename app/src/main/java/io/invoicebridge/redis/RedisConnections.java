package io.invoicebridge.redis;

import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.metrics.RedisUnreachable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The one Redis connection of this instance, made on first use and re-made after any failure.
 *
 * <p>Nothing connects at startup, so a cold start never waits for Redis. A connection that failed
 * (refused, reset, timed out, or restored from a SnapStart snapshot whose socket is long gone) is
 * dropped and the next call connects afresh: a broken connection is never reused, and one idle past
 * {@link RedisTimeouts#maxIdle} (judged on the wall clock, which also jumps forward when a snapshot
 * is restored) is replaced before use. Lettuce's own auto-reconnect is off and commands are
 * rejected while disconnected, so no command queues up behind a dead socket; every call is bounded
 * by {@link RedisTimeouts}.
 *
 * <p>Why not micronaut-redis's own connection bean: it binds only from {@code redis.*} properties,
 * which cannot be derived from an optional {@code REDIS_URL} without switching its beans on when
 * the URL is absent, and it makes one connection for the life of the context. Its beans stay off as
 * long as no {@code redis.*} property is set; the module supplies Lettuce.
 */
public final class RedisConnections implements AutoCloseable {

  private final RedisURI uri;
  private final RedisTimeouts timeouts;
  private final Clock clock;
  private final OperationalEvents events;
  private ClientResources resources;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisException lastConnectFailure;
  private long lastConnectFailureNanos;
  private Instant lastUsed = Instant.MIN;

  /** {@code redis://} or {@code rediss://} (TLS, e.g. Upstash) with optional user and password. */
  public RedisConnections(URI url, RedisTimeouts timeouts, Clock clock, OperationalEvents events) {
    this.uri = redisUri(url, timeouts);
    this.timeouts = timeouts;
    this.clock = clock;
    this.events = events;
  }

  public RedisConnections(URI url, RedisTimeouts timeouts, Clock clock) {
    this(url, timeouts, clock, OperationalEvents.IGNORED);
  }

  public RedisConnections(URI url, RedisTimeouts timeouts) {
    this(url, timeouts, Clock.systemUTC());
  }

  /** Lettuce reads the scheme (TLS for {@code rediss}), user, password, host, port and db. */
  static RedisURI redisUri(URI url, RedisTimeouts timeouts) {
    RedisURI redisUri = RedisURI.create(url);
    redisUri.setTimeout(timeouts.command());
    return redisUri;
  }

  /**
   * Runs one command (or script) on the shared connection.
   *
   * @throws RedisException when Redis cannot be reached, does not answer within the command
   *     timeout, or answers with an error; the connection is dropped unless Redis itself answered.
   *     Every failure but Redis's own error answer is reported as {@link RedisUnreachable}
   */
  public <T> T call(Function<RedisCommands<String, String>, T> command) {
    StatefulRedisConnection<String, String> used;
    try {
      used = connection(System.nanoTime());
    } catch (RedisException unreachable) {
      events.emit(new RedisUnreachable(RedisFailures.describe(unreachable)));
      throw unreachable;
    }
    try {
      return command.apply(used.sync());
    } catch (RedisCommandExecutionException answeredWithError) {
      throw answeredWithError;
    } catch (RedisException broken) {
      drop(used);
      events.emit(new RedisUnreachable(RedisFailures.describe(broken)));
      throw broken;
    }
  }

  /**
   * Runs {@code script} on the shared connection, as {@link #call} runs a command.
   *
   * @throws RedisException as {@link #call} does
   */
  public <T> T run(RedisScript script, ScriptOutputType type, String[] keys, String... args) {
    return call(redis -> script.run(redis, type, keys, args));
  }

  /** Whether a connection is open now, so the next call needs no connect. */
  public synchronized boolean connected() {
    return connection != null && connection.isOpen();
  }

  /**
   * Whether the client (its event loops and TLS context) exists: on an instance's first command it
   * is created first, which no timeout of {@link RedisTimeouts} bounds.
   */
  public synchronized boolean clientStarted() {
    return client != null;
  }

  public RedisTimeouts timeouts() {
    return timeouts;
  }

  /** One {@code PING}, e.g. for health; fails like {@link #call}. */
  public String ping() {
    return call(RedisCommands::ping);
  }

  @Override
  public synchronized void close() {
    // Shutting the client down closes its connection too.
    connection = null;
    if (client != null) {
      // The thread pools go last: the client still needs them to close its channels.
      ClientResources pools = resources;
      client.shutdownAsync().whenComplete((done, failure) -> pools.shutdown());
      client = null;
    }
  }

  /**
   * The open connection, or a new one. A caller that waited while another's connect attempt failed
   * gets that failure instead of waiting a second connect timeout.
   */
  private synchronized StatefulRedisConnection<String, String> connection(long askedNanos) {
    Instant now = clock.instant();
    boolean fresh = !now.isAfter(lastUsed.plus(timeouts.maxIdle()));
    lastUsed = now;
    if (connection != null && connection.isOpen() && fresh) {
      return connection;
    }
    drop(connection);
    if (lastConnectFailure != null && lastConnectFailureNanos - askedNanos > 0) {
      throw new RedisConnectionException("connecting to Redis failed just now", lastConnectFailure);
    }
    try {
      connection = client().connect(StringCodec.UTF8, uri);
      lastConnectFailure = null;
      return connection;
    } catch (RedisException failure) {
      lastConnectFailure = failure;
      lastConnectFailureNanos = System.nanoTime();
      throw failure;
    }
  }

  private synchronized void drop(StatefulRedisConnection<String, String> broken) {
    if (broken != null && broken == connection) {
      connection = null;
      broken.closeAsync();
    }
  }

  private RedisClient client() {
    if (client == null) {
      // Two small thread pools: a serverless instance runs few requests at once.
      resources =
          ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
      client = RedisClient.create(resources);
      client.setOptions(options());
    }
    return client;
  }

  private ClientOptions options() {
    return ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        // RESP2 skips the HELLO negotiation round trip and is what every Redis offering speaks.
        .protocolVersion(ProtocolVersion.RESP2)
        .socketOptions(
            SocketOptions.builder().connectTimeout(timeouts.connect()).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(timeouts.command()))
        .build();
  }
}
