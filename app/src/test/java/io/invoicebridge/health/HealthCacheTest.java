package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.health.HealthCheck.Probe;
import io.invoicebridge.health.HealthFinding.Status;
import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HealthCacheTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
  private final HealthCache cache = new HealthCache(clock);
  private final AtomicInteger runs = new AtomicInteger();
  private final HealthCheck counted =
      check(() -> HealthFinding.up(Map.of("run", runs.incrementAndGet())));

  @Test
  void statusOf_manyCallsWithinThePeriod_runTheCheckOnce() {
    for (int i = 0; i < 100; i++) {
      assertEquals(Status.UP, cache.statusOf(counted));
      clock.advance(HealthCache.PERIOD.dividedBy(200));
    }

    assertEquals(1, runs.get());
  }

  @Test
  void statusOf_afterThePeriod_runsTheCheckAgain() {
    cache.statusOf(counted);
    clock.advance(HealthCache.PERIOD);

    cache.statusOf(counted);

    assertEquals(2, runs.get());
  }

  @Test
  void statusOf_clockWentBack_runsTheCheckAgain() {
    cache.statusOf(counted);
    clock.advance(Duration.ofSeconds(-1));

    cache.statusOf(counted);

    assertEquals(2, runs.get());
  }

  @Test
  void statusOf_callersDuringARun_shareItsStatus() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HealthCheck slow =
        check(
            () -> {
              runs.incrementAndGet();
              running.countDown();
              await(release);
              return HealthFinding.down(Map.of());
            });
    try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
      Future<Status> first = callers.submit(() -> cache.statusOf(slow));
      running.await(5, TimeUnit.SECONDS);
      Future<Status> second = callers.submit(() -> cache.statusOf(slow));
      release.countDown();

      assertEquals(Status.DOWN, first.get(5, TimeUnit.SECONDS));
      assertEquals(Status.DOWN, second.get(5, TimeUnit.SECONDS));
    }
    assertEquals(1, runs.get());
  }

  @Test
  void statusOf_failingCheck_countsAsDown() {
    HealthCheck failing =
        check(
            () -> {
              throw new IllegalStateException("boom");
            });

    assertEquals(Status.DOWN, cache.statusOf(failing));
  }

  private static HealthCheck check(Supplier<HealthFinding> finding) {
    return new HealthCheck("redis", Probe.READINESS) {
      @Override
      public HealthFinding check() {
        return finding.get();
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
