package io.invoicebridge.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Each indicator's status, kept for {@link #PERIOD} after it was found: however many anonymous
 * probes arrive, an indicator runs at most once per period per instance (callers that arrive while
 * it runs share that run), so the Redis check costs at most one {@code PING} per period.
 */
@Singleton
class HealthCache {

  /** How old an anonymous caller's answer may be. */
  static final Duration PERIOD = Duration.ofSeconds(5);

  private final Map<HealthIndicator, HealthIndicator> cached = new ConcurrentHashMap<>();

  /** {@code indicator} answering from the cache; its details are dropped. */
  HealthIndicator of(HealthIndicator indicator) {
    return cached.computeIfAbsent(indicator, HealthCache::statusKept);
  }

  private static HealthIndicator statusKept(HealthIndicator indicator) {
    Mono<HealthResult> status =
        Mono.defer(() -> Mono.from(indicator.getResult()))
            .map(result -> HealthResult.builder(result.getName(), result.getStatus()).build())
            // an indicator should never fail, but one that does counts as DOWN, not as an error
            .onErrorResume(failure -> Mono.just(down(indicator)))
            .cache(PERIOD);
    return new HealthIndicator() {
      @Override
      public Publisher<HealthResult> getResult() {
        return status;
      }
    };
  }

  private static HealthResult down(HealthIndicator indicator) {
    return HealthResult.builder(indicator.getClass().getSimpleName(), HealthStatus.DOWN).build();
  }
}
