package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.invoicebridge.testing.MutableClock;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class HealthCacheTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
  private final HealthCache cache = new HealthCache(clock);
  private final AtomicInteger runs = new AtomicInteger();
  private final HealthIndicator counted =
      () ->
          Mono.fromCallable(
              () ->
                  HealthResult.builder("redis", HealthStatus.UP)
                      .details(Map.of("run", runs.incrementAndGet()))
                      .build());

  @Test
  void of_manyCallsWithinThePeriod_runTheCheckOnceWithoutDetails() {
    for (int i = 0; i < 100; i++) {
      HealthResult result = Mono.from(cache.of(counted).getResult()).block();
      assertEquals(HealthStatus.UP, result.getStatus());
      assertNull(result.getDetails());
      clock.advance(HealthCache.PERIOD.dividedBy(200));
    }

    assertEquals(1, runs.get());
  }

  @Test
  void of_afterThePeriod_runsTheCheckAgain() {
    Mono.from(cache.of(counted).getResult()).block();
    clock.advance(HealthCache.PERIOD);

    Mono.from(cache.of(counted).getResult()).block();

    assertEquals(2, runs.get());
  }

  @Test
  void of_clockWentBack_runsTheCheckAgain() {
    Mono.from(cache.of(counted).getResult()).block();
    clock.advance(Duration.ofSeconds(-1));

    Mono.from(cache.of(counted).getResult()).block();

    assertEquals(2, runs.get());
  }

  @Test
  void of_failingCheck_countsAsDown() {
    HealthIndicator failing = () -> Mono.error(new IllegalStateException("boom"));

    assertEquals(HealthStatus.DOWN, Mono.from(cache.of(failing).getResult()).block().getStatus());
  }
}
