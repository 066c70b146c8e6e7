package io.invoicebridge.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Each indicator's status, kept for {@link #PERIOD} from the moment its check started: however many
 * anonymous probes arrive, an indicator runs at most once per period per instance (callers that
 * arrive while it runs share that run), so the Redis check costs at most one {@code PING} per
 * period. Timed by the wall clock, which a restored snapshot (SnapStart) moves forward; a clock
 * that went back counts as expired.
 */
@Singleton
class HealthCache {

  /** How old an anonymous caller's answer may be. */
  static final Duration PERIOD = Duration.ofSeconds(5);

  private final Map<HealthIndicator, HealthIndicator> cached = new ConcurrentHashMap<>();
  private final Clock clock;

  HealthCache(Clock clock) {
    this.clock = clock;
  }

  /** {@code indicator} answering from the cache; its details are dropped. */
  HealthIndicator of(HealthIndicator indicator) {
    return cached.computeIfAbsent(indicator, Kept::new);
  }

  /** One run of a check and when it started. */
  private record Run(Mono<HealthResult> result, Instant started) {}

  private final class Kept implements HealthIndicator {

    private final HealthIndicator indicator;
    private final AtomicReference<Run> last = new AtomicReference<>();

    Kept(HealthIndicator indicator) {
      this.indicator = indicator;
    }

    @Override
    public Publisher<HealthResult> getResult() {
      Instant now = clock.instant();
      Run run = last.get();
      if (run != null && !now.isBefore(run.started()) && now.isBefore(run.started().plus(PERIOD))) {
        return run.result();
      }
      Run fresh = new Run(statusOf(indicator), now);
      return last.compareAndSet(run, fresh) ? fresh.result() : last.get().result();
    }
  }

  /** The indicator's status, found once on first subscription and replayed to later ones. */
  private static Mono<HealthResult> statusOf(HealthIndicator indicator) {
    return Mono.defer(() -> Mono.from(indicator.getResult()))
        .map(result -> HealthResult.builder(result.getName(), result.getStatus()).build())
        // an indicator should never fail, but one that does counts as DOWN, not as an error
        .onErrorResume(failure -> Mono.just(down(indicator)))
        .cache();
  }

  private static HealthResult down(HealthIndicator indicator) {
    return HealthResult.builder(indicator.getClass().getSimpleName(), HealthStatus.DOWN).build();
  }
}
