package io.invoicebridge.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreeeCallGateTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T00:00:00Z");

  @Test
  void call_paced_startsEachCallAtItsSlot() {
    FreeeCallGate gate =
        new FreeeCallGate(
            new InMemoryRateLimiter(clock, 30),
            1,
            new CallDurationEstimate(),
            clock,
            clock::advance);
    List<Instant> starts = new ArrayList<>();
    Deadline deadline = Deadline.in(Duration.ofMinutes(1), clock);

    for (int i = 0; i < 3; i++) {
      gate.call(deadline, () -> starts.add(clock.instant()));
    }

    long interval = InMemoryRateLimiter.intervalFor(30).toMillis();
    assertEquals(
        List.of(0L, interval, 2 * interval),
        starts.stream().map(s -> s.toEpochMilli() - starts.getFirst().toEpochMilli()).toList());
  }

  @Test
  void intervalFor_freeesThirtyPerMinute_pacesTwoPercentUnder() {
    assertEquals(Duration.ofMillis(2041), InMemoryRateLimiter.intervalFor(30));
    assertEquals(Duration.ofMillis(103), InMemoryRateLimiter.intervalFor(600));
  }

  @Test
  void call_slotAfterDeadline_callsNothing() {
    FreeeCallGate gate =
        new FreeeCallGate(
            new InMemoryRateLimiter(clock, 1),
            1,
            new CallDurationEstimate(),
            clock,
            clock::advance);
    Deadline deadline = Deadline.in(Duration.ofSeconds(30), clock);
    gate.call(deadline, () -> "first");

    Optional<String> second = gate.call(deadline, () -> "second");

    assertEquals(Optional.empty(), second);
  }

  @Test
  void call_slotLeavesNoRoomToFinish_callsNothing() {
    FreeeCallGate gate =
        new FreeeCallGate(
            new InMemoryRateLimiter(clock, 600),
            1,
            new CallDurationEstimate(),
            clock,
            clock::advance);

    Optional<String> answer = gate.call(Deadline.in(Duration.ofMillis(900), clock), () -> "late");

    assertEquals(Optional.empty(), answer);
  }

  @Test
  void pauseUntil_holdsNextCallUntilResume() {
    FreeeCallGate gate =
        new FreeeCallGate(
            new InMemoryRateLimiter(clock, 600),
            1,
            new CallDurationEstimate(),
            clock,
            clock::advance);
    Instant resume = clock.instant().plusSeconds(20);
    gate.pauseUntil(resume);

    Instant started =
        gate.call(Deadline.in(Duration.ofMinutes(1), clock), clock::instant).orElseThrow();

    assertEquals(resume, started);
  }

  @Test
  void call_manyThreads_neverExceedsConcurrency() throws InterruptedException {
    var systemClock = java.time.Clock.systemUTC();
    FreeeCallGate gate =
        new FreeeCallGate(
            new InMemoryRateLimiter(systemClock, 100_000),
            2,
            new CallDurationEstimate(),
            systemClock,
            Sleeper.SYSTEM);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger highest = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(20);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20; i++) {
        executor.execute(
            () -> {
              gate.call(
                  Deadline.in(Duration.ofSeconds(30), systemClock),
                  () -> {
                    highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                      TimeUnit.MILLISECONDS.sleep(5);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return inFlight.decrementAndGet();
                  });
              done.countDown();
            });
      }
      assertTrue(done.await(30, TimeUnit.SECONDS));
    }
    assertTrue(highest.get() <= 2, "highest concurrency " + highest.get());
  }
}
