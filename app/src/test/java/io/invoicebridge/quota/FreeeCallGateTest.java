package io.invoicebridge.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.MutableClock;
import io.invoicebridge.timing.CallDurationEstimate;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.Lane;
import io.invoicebridge.timing.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreeeCallGateTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T00:00:00Z");

  /** One permit, on the test's clock, sleeping by advancing it. */
  private FreeeCallGate gate(RateLimiter limiter) {
    return new FreeeCallGate(limiter, 1, new CallDurationEstimate(), clock, clock::advance);
  }

  @Test
  void call_paced_startsEachCallAtItsSlot() {
    FreeeCallGate gate = gate(new InMemoryRateLimiter(clock, 30));
    List<Instant> starts = new ArrayList<>();
    Deadline deadline = Deadline.in(Duration.ofMinutes(1), clock);

    for (int i = 0; i < 3; i++) {
      gate.call(CallKind.CREATE, deadline, () -> starts.add(clock.instant()));
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
  void call_slotAfterDeadline_heldBackByThePacingAndCallsNothing() {
    FreeeCallGate gate = gate(new InMemoryRateLimiter(clock, 1));
    Deadline deadline = Deadline.in(Duration.ofSeconds(30), clock);
    gate.call(CallKind.CREATE, deadline, () -> "first");

    QuotaWaitPastDeadlineException held =
        assertThrows(
            QuotaWaitPastDeadlineException.class,
            () -> gate.call(CallKind.CREATE, deadline, () -> "x"));

    assertEquals(
        QuotaWait.paced(Window.MINUTE, clock.instant().plus(InMemoryRateLimiter.intervalFor(1)), 1),
        held.quotaWait());
  }

  @Test
  void call_pauseBeganWhileWaitingForItsSlot_isNotSent() {
    // given: the second call waits ~2 s for its slot; meanwhile a peer is answered 403
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock, 30);
    Instant blockEnds = clock.instant().plus(Duration.ofMinutes(10));
    Sleeper peerBlockedMeanwhile =
        wait -> {
          clock.advance(wait);
          if (wait.isPositive()) {
            limiter.pause(new QuotaWait(QuotaWait.Cause.BLOCKED, null, blockEnds, 0));
          }
        };
    FreeeCallGate gate =
        new FreeeCallGate(limiter, 1, new CallDurationEstimate(), clock, peerBlockedMeanwhile);
    Deadline deadline = Deadline.in(Duration.ofMinutes(1), clock);
    AtomicInteger sent = new AtomicInteger();
    gate.call(CallKind.CREATE, deadline, sent::incrementAndGet);

    // when
    QuotaWaitPastDeadlineException held =
        assertThrows(
            QuotaWaitPastDeadlineException.class,
            () -> gate.call(CallKind.CREATE, deadline, sent::incrementAndGet));

    // then
    assertEquals(1, sent.get(), "the call that had its slot was not sent into the block");
    assertEquals(QuotaWait.Cause.BLOCKED, held.quotaWait().cause());
    assertEquals(blockEnds, held.quotaWait().until());
  }

  @Test
  void call_lookupWhileCreatesAreHeldByTheHour_stillFindsBudget() {
    // given: the hour's calls for creates are spent; the reserve is left
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock, Quota.of(600, 100, 3000));
    FreeeCallGate gate = gate(limiter);
    Deadline deadline = Deadline.in(Duration.ofMinutes(5), clock);
    for (int i = 0; i < 100 - Quota.reserveOf(100); i++) {
      gate.call(CallKind.LOOKUP, deadline, () -> "spent");
    }

    // when
    QuotaWaitPastDeadlineException create =
        assertThrows(
            QuotaWaitPastDeadlineException.class,
            () -> gate.call(CallKind.CREATE, deadline, () -> "create"));
    Optional<String> lookup = gate.call(CallKind.LOOKUP, deadline, () -> "reconciled");

    // then
    assertEquals(Window.HOUR, create.quotaWait().window());
    assertEquals(Optional.of("reconciled"), lookup);
  }

  @Test
  void call_slotLeavesNoRoomToFinish_callsNothing() {
    FreeeCallGate gate = gate(new InMemoryRateLimiter(clock, 600));

    Optional<String> answer =
        gate.call(CallKind.CREATE, Deadline.in(Duration.ofMillis(900), clock), () -> "late");

    assertEquals(Optional.empty(), answer);
  }

  @Test
  void pause_holdsNextCallUntilResume() {
    FreeeCallGate gate = gate(new InMemoryRateLimiter(clock, 600));
    Instant resume = clock.instant().plusSeconds(20);
    gate.pause(QuotaWait.spent(Window.MINUTE, resume, 600));

    Instant started =
        gate.call(CallKind.CREATE, Deadline.in(Duration.ofMinutes(1), clock), clock::instant)
            .orElseThrow();

    assertEquals(resume, started);
  }

  @Test
  void call_queuedWorkWaitingForItsTurn_leavesThePermitToAPerson() throws Exception {
    // given: one permit; queued work told to ask again later, asleep until woken
    var systemClock = Clock.systemUTC();
    CountDownLatch asleep = new CountDownLatch(1);
    CountDownLatch wake = new CountDownLatch(1);
    Sleeper sleeper =
        wait -> {
          if (wait.isPositive()) {
            asleep.countDown();
            wake.await();
          }
        };
    FreeeCallGate gate =
        new FreeeCallGate(
            new LaterOnceForQueuedWork(systemClock),
            1,
            new CallDurationEstimate(),
            systemClock,
            sleeper);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var queued =
          executor.submit(
              () ->
                  gate.call(
                      CallKind.CREATE,
                      Deadline.in(Duration.ofSeconds(30), systemClock).queued(),
                      () -> "queued"));
      assertTrue(asleep.await(5, TimeUnit.SECONDS));

      // when: a person's call comes while the queued one waits for its turn
      Optional<String> person =
          gate.call(
              CallKind.CREATE, Deadline.in(Duration.ofSeconds(2), systemClock), () -> "person");
      wake.countDown();

      // then: the person's call went first, and the queued one still ran after
      assertEquals(Optional.of("person"), person);
      assertEquals(Optional.of("queued"), queued.get(5, TimeUnit.SECONDS));
    }
  }

  /** Queued work is told once to ask again a second later; everything else gets a slot now. */
  private static final class LaterOnceForQueuedWork implements RateLimiter {
    private final Clock clock;
    private final AtomicBoolean toldLater = new AtomicBoolean();

    LaterOnceForQueuedWork(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Reservation reserve(CallKind kind, Lane lane, Instant notAfter, List<QuotaReport> seen) {
      if (lane == Lane.QUEUED && toldLater.compareAndSet(false, true)) {
        return new Reservation.Later(clock.instant().plusSeconds(1));
      }
      return new Reservation.Slot(clock.instant());
    }

    @Override
    public void pause(QuotaWait hold) {}

    @Override
    public Optional<QuotaWait> pauseInForce() {
      return Optional.empty();
    }

    @Override
    public List<WindowHeadroom> headroom() {
      return List.of();
    }

    @Override
    public boolean shared() {
      return false;
    }
  }

  @Test
  void call_manyThreads_neverExceedsConcurrency() throws InterruptedException {
    var systemClock = Clock.systemUTC();
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
                  CallKind.CREATE,
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
