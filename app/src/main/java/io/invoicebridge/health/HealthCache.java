package io.invoicebridge.health;

import io.invoicebridge.health.HealthFinding.Status;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each check's status, kept for {@link #PERIOD} from the moment its run started: however many
 * anonymous probes arrive, a check runs at most once per period per instance (callers that arrive
 * while it runs wait for that run), so the Redis check costs at most one {@code PING} per period.
 * Timed by the wall clock, which a restored snapshot (SnapStart) moves forward; a clock that went
 * back counts as expired.
 */
@Singleton
class HealthCache {

  /** How old an anonymous caller's answer may be. */
  static final Duration PERIOD = Duration.ofSeconds(5);

  private final Map<HealthCheck, AtomicReference<Run>> lastRuns = new ConcurrentHashMap<>();
  private final Clock clock;

  HealthCache(Clock clock) {
    this.clock = clock;
  }

  /** {@code check}'s status, from its last run when that started less than a period ago. */
  Status statusOf(HealthCheck check) {
    AtomicReference<Run> last = lastRuns.computeIfAbsent(check, ignored -> new AtomicReference<>());
    Instant now = clock.instant();
    Run run = last.get();
    if (run != null && !now.isBefore(run.started()) && now.isBefore(run.started().plus(PERIOD))) {
      return run.status().join();
    }
    Run fresh = new Run(new CompletableFuture<>(), now);
    if (!last.compareAndSet(run, fresh)) {
      return last.get().status().join();
    }
    fresh.status().complete(HealthChecks.run(check).status());
    return fresh.status().join();
  }

  /** One run of a check and when it started. */
  private record Run(CompletableFuture<Status> status, Instant started) {}
}
