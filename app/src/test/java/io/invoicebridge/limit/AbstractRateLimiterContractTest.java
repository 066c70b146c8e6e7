package io.invoicebridge.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The {@link RateLimiter} contract, run against every implementation. Reserving never waits, so the
 * tests reserve slots far into the future at a low rate (6 a minute: about one every 10 s) and look
 * at the slots handed out, without sleeping.
 */
abstract class AbstractRateLimiterContractTest {

  static final int PER_MINUTE = 6;

  /** One every 10 s, widened by the pacing margin. */
  static final Duration INTERVAL = InMemoryRateLimiter.intervalFor(PER_MINUTE);

  static final Duration WINDOW = Duration.ofSeconds(60);

  /** A new limiter with an empty shared state at the start of each test. */
  protected abstract RateLimiter limiter(int callsPerMinute);

  /** Another instance sharing {@code limiter}'s pacing, as a second cloud instance would. */
  protected abstract RateLimiter peerOf(RateLimiter limiter, int callsPerMinute);

  protected abstract Clock clock();

  /**
   * How far an observed slot may sit from its exact place: zero in memory; for a shared limiter the
   * slot is placed on this instance's clock when the reply arrives, so it carries that reply's
   * latency (far below this bound, which is far below {@link #INTERVAL}).
   */
  protected abstract Duration jitter();

  protected abstract boolean expectedShared();

  @Test
  void reserve_idle_slotIsNow() {
    RateLimiter limiter = limiter(PER_MINUTE);
    Instant before = clock().instant();

    Instant slot = limiter.reserve(far()).orElseThrow();

    assertNear(before, slot);
  }

  @Test
  void reserve_consecutive_slotsOneIntervalApart() {
    RateLimiter limiter = limiter(PER_MINUTE);

    Instant first = limiter.reserve(far()).orElseThrow();
    Instant second = limiter.reserve(far()).orElseThrow();
    Instant third = limiter.reserve(far()).orElseThrow();

    assertNear(first.plus(INTERVAL), second);
    assertNear(first.plus(INTERVAL.multipliedBy(2)), third);
  }

  @Test
  void reserve_slotAfterNotAfter_reservesNothing() {
    RateLimiter limiter = limiter(PER_MINUTE);
    Instant first = limiter.reserve(far()).orElseThrow();

    Optional<Instant> tooLate = limiter.reserve(clock().instant().plus(INTERVAL.dividedBy(2)));
    Instant next = limiter.reserve(far()).orElseThrow();

    assertEquals(Optional.empty(), tooLate);
    assertNear(first.plus(INTERVAL), next);
  }

  @Test
  void reserve_notAfterInThePast_reservesNothing() {
    RateLimiter limiter = limiter(PER_MINUTE);

    Optional<Instant> slot = limiter.reserve(clock().instant().minusSeconds(1));
    Instant next = limiter.reserve(far()).orElseThrow();

    assertEquals(Optional.empty(), slot);
    assertNear(clock().instant(), next);
  }

  @Test
  void reserve_threadsOnTwoInstances_noWindowHoldsMoreThanTheLimit() throws Exception {
    RateLimiter one = limiter(PER_MINUTE);
    RateLimiter two = peerOf(one, PER_MINUTE);

    List<Instant> slots = reserveConcurrently(List.of(one, two), 3, 8);

    assertEquals(48, slots.size());
    for (int i = 1; i < slots.size(); i++) {
      Duration gap = Duration.between(slots.get(i - 1), slots.get(i));
      assertTrue(gap.compareTo(INTERVAL.minus(jitter())) >= 0, "slots only " + gap + " apart");
    }
    for (int i = 0; i + PER_MINUTE < slots.size(); i++) {
      Duration span = Duration.between(slots.get(i), slots.get(i + PER_MINUTE));
      assertTrue(span.compareTo(WINDOW.minus(jitter())) >= 0, "7 slots within " + span);
    }
  }

  @Test
  void pauseUntil_onOneInstance_holdsEveryInstance() {
    RateLimiter one = limiter(PER_MINUTE);
    RateLimiter two = peerOf(one, PER_MINUTE);
    Instant resumeAt = clock().instant().plusSeconds(30);

    one.pauseUntil(resumeAt);

    assertEquals(Optional.empty(), two.reserve(clock().instant().plusSeconds(20)));
    assertNear(resumeAt, two.reserve(far()).orElseThrow());
  }

  @Test
  void pauseUntil_earlierThanThePauseInForce_doesNotShortenIt() {
    RateLimiter one = limiter(PER_MINUTE);
    RateLimiter two = peerOf(one, PER_MINUTE);
    Instant resumeAt = clock().instant().plusSeconds(30);
    one.pauseUntil(resumeAt);

    two.pauseUntil(clock().instant().plusSeconds(5));

    assertNear(resumeAt, one.reserve(far()).orElseThrow());
  }

  @Test
  void pauseUntil_inThePast_changesNothing() {
    RateLimiter limiter = limiter(PER_MINUTE);

    limiter.pauseUntil(clock().instant().minusSeconds(30));

    assertNear(clock().instant(), limiter.reserve(far()).orElseThrow());
  }

  @Test
  void shared_isTrueOnlyForPacingSharedByInstances() {
    assertEquals(expectedShared(), limiter(PER_MINUTE).shared());
  }

  private List<Instant> reserveConcurrently(List<RateLimiter> limiters, int threads, int each)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(limiters.size() * threads);
    try {
      List<Callable<List<Instant>>> workers = new ArrayList<>();
      for (RateLimiter limiter : limiters) {
        for (int t = 0; t < threads; t++) {
          workers.add(() -> reserveMany(limiter, each));
        }
      }
      List<Instant> slots = new ArrayList<>();
      for (Future<List<Instant>> worker : pool.invokeAll(workers)) {
        slots.addAll(worker.get());
      }
      Collections.sort(slots);
      return slots;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Instant> reserveMany(RateLimiter limiter, int count) {
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.add(limiter.reserve(far()).orElseThrow());
    }
    return slots;
  }

  private Instant far() {
    return clock().instant().plus(Duration.ofHours(1));
  }

  private void assertNear(Instant expected, Instant actual) {
    Duration off = Duration.between(expected, actual).abs();
    assertTrue(off.compareTo(jitter()) <= 0, "slot " + actual + " is " + off + " from " + expected);
  }
}
