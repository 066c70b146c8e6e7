package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.redis.RedisConfigured;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisFailures;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Redis (only when {@code REDIS_URL} is set): one {@code PING} on the stores' own connection,
 * bounded by {@link #TIMEOUT}, plus the connect timeout when no connection is open yet, plus {@link
 * #CLIENT_START} when the client does not exist yet (a cold instance's first probe also creates it,
 * connects with TLS and AUTH, and loads the client's classes). UP with the latency and the URL
 * without its password; DOWN with a reason. Never throws. A readiness check: without Redis the
 * bridge can create nothing, but the process is alive and recovers by itself when Redis does.
 */
@Singleton
@Requires(condition = RedisConfigured.class)
public class RedisHealthCheck extends HealthCheck {

  static final String NAME = "redis";
  static final Duration TIMEOUT = Duration.ofSeconds(1);

  /**
   * An instance's first check also creates the Redis client (event loops, TLS context, classes):
   * seconds on a cold, busy instance. Judged by the PING's timeout alone, the first anonymous probe
   * of a healthy deployment answered DOWN.
   */
  static final Duration CLIENT_START = Duration.ofSeconds(5);

  private final RedisConnections redis;
  private final String redactedUrl;

  public RedisHealthCheck(RedisConnections redis, BridgeConfig config) {
    super(NAME, Probe.READINESS);
    this.redis = redis;
    this.redactedUrl = config.redisUrlRedacted().orElse("");
  }

  @Override
  public HealthFinding check() {
    Duration limit =
        redis.connected()
            ? TIMEOUT
            : redis
                .timeouts()
                .connect()
                .plus(TIMEOUT)
                .plus(redis.clientStarted() ? Duration.ZERO : CLIENT_START);
    // The PING runs on a thread of its own, so the caller stops waiting at the limit even when
    // the client is still connecting; a late answer is dropped with its thread.
    FutureTask<HealthFinding> ping = new FutureTask<>(this::ping);
    Thread.ofVirtual().name("redis-health").start(ping);
    try {
      return ping.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return down("no answer to PING within " + limit.toMillis() + " ms");
    } catch (ExecutionException e) {
      return down(RedisFailures.describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("interrupted while waiting for PING");
    }
  }

  private HealthFinding ping() {
    long started = System.nanoTime();
    String reply;
    try {
      reply = redis.ping();
    } catch (RuntimeException failure) {
      return down(RedisFailures.describe(failure));
    }
    long latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (!"PONG".equalsIgnoreCase(reply)) {
      return down("unexpected reply to PING");
    }
    return HealthFinding.up(withUrl(Map.of("latency_ms", latencyMs)));
  }

  private HealthFinding down(String reason) {
    return HealthFinding.down(withUrl(Map.of("error", reason)));
  }

  private Map<String, Object> withUrl(Map<String, Object> facts) {
    Map<String, Object> details = new LinkedHashMap<>(facts);
    details.put("url", redactedUrl);
    return details;
  }
}
