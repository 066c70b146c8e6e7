package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.redis.RedisConfigured;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisFailures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Redis (only when {@code REDIS_URL} is set): one {@code PING} on the stores' own connection,
 * bounded by {@link #TIMEOUT}, plus the connect timeout when no connection is open yet, plus {@link
 * #CLIENT_START} when the client does not exist yet (a cold instance's first probe also creates it,
 * connects with TLS and AUTH, and loads the client's classes). UP with the latency and the URL
 * without its password; DOWN with a reason. Never throws. A readiness check: without Redis the
 * bridge can create nothing, but the process is alive and recovers by itself when Redis does.
 */
@Singleton
@Readiness
@Requires(condition = RedisConfigured.class)
public class RedisHealthIndicator implements HealthIndicator {

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

  public RedisHealthIndicator(RedisConnections redis, BridgeConfig config) {
    this.redis = redis;
    this.redactedUrl = config.redisUrlRedacted().orElse("");
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Duration limit =
        redis.connected()
            ? TIMEOUT
            : redis
                .timeouts()
                .connect()
                .plus(TIMEOUT)
                .plus(redis.clientStarted() ? Duration.ZERO : CLIENT_START);
    return Mono.fromCallable(this::ping)
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(limit)
        .onErrorResume(failure -> Mono.just(down(failure, limit)));
  }

  /** Never throws: a failure arriving after the timeout must not surface as a dropped error. */
  private HealthResult ping() {
    long started = System.nanoTime();
    String reply;
    try {
      reply = redis.ping();
    } catch (RuntimeException failure) {
      return down(failure, TIMEOUT);
    }
    long latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (!"PONG".equalsIgnoreCase(reply)) {
      return result(HealthStatus.DOWN, Map.of("error", "unexpected reply to PING"));
    }
    return result(HealthStatus.UP, Map.of("latency_ms", latencyMs));
  }

  private HealthResult down(Throwable failure, Duration limit) {
    String reason =
        failure instanceof TimeoutException
            ? "no answer to PING within " + limit.toMillis() + " ms"
            : RedisFailures.describe(failure);
    return result(HealthStatus.DOWN, Map.of("error", reason));
  }

  private HealthResult result(HealthStatus status, Map<String, Object> facts) {
    Map<String, Object> details = new LinkedHashMap<>(facts);
    details.put("url", redactedUrl);
    return HealthResult.builder(NAME, status).details(details).build();
  }
}
