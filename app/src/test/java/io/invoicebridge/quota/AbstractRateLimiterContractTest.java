package io.invoicebridge.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.ContractTest;
import io.invoicebridge.testing.WindowPhase;
import io.invoicebridge.timing.Lane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link RateLimiter} contract, run against every implementation. Reserving never waits, so the
 * tests reserve slots far into the future at a low rate (6 a minute: about one every 10 s) and look
 * at the slots handed out, without sleeping.
 */
abstract class AbstractRateLimiterContractTest
    extends ContractTest<AbstractRateLimiterContractTest.Fixture> {

  static final int PER_MINUTE = 6;

  /** One every 10 s, widened by the pacing margin. */
  static final Duration INTERVAL = InMemoryRateLimiter.intervalFor(PER_MINUTE);

  static final Duration WINDOW = Duration.ofSeconds(60);

  /**
   * An implementation as the contract sees it.
   *
   * @param limiter a new limiter of a quota, with an empty shared state at the start of each test
   * @param peerOf another instance sharing a limiter's pacing, as a second cloud instance would
   * @param clock the clock slots are placed on
   * @param jitter how far an observed slot may sit from its exact place: zero in memory; for a
   *     shared limiter the slot is placed on this instance's clock when the reply arrives, so it
   *     carries that reply's latency (far below this bound, which is far below {@link #INTERVAL})
   * @param shared whether instances share the pacing
   */
  protected record Fixture(
      Function<Quota, RateLimiter> limiter,
      BiFunction<RateLimiter, Quota, RateLimiter> peerOf,
      Clock clock,
      Duration jitter,
      boolean shared) {}

  protected RateLimiter limiter(Quota quota) {
    return fixture().limiter().apply(quota);
  }

  protected RateLimiter limiter(int callsPerMinute) {
    return limiter(Quota.perMinuteOnly(callsPerMinute));
  }

  private RateLimiter peerOf(RateLimiter limiter, Quota quota) {
    return fixture().peerOf().apply(limiter, quota);
  }

  private RateLimiter peerOf(RateLimiter limiter, int callsPerMinute) {
    return peerOf(limiter, Quota.perMinuteOnly(callsPerMinute));
  }

  protected Clock clock() {
    return fixture().clock();
  }

  protected Duration jitter() {
    return fixture().jitter();
  }

  /** A create's slot, or empty when none lies before {@code notAfter}. */
  static Optional<Instant> slot(RateLimiter limiter, Instant notAfter) {
    return slot(limiter, CallKind.CREATE, notAfter);
  }

  static Optional<Instant> slot(RateLimiter limiter, CallKind kind, Instant notAfter) {
    return slot(limiter, kind, Lane.INTERACTIVE, notAfter);
  }

  static Optional<Instant> slot(RateLimiter limiter, CallKind kind, Lane lane, Instant notAfter) {
    return limiter.reserve(kind, lane, notAfter, List.of()) instanceof Reservation.Slot slot
        ? Optional.of(slot.at())
        : Optional.empty();
  }

  @Test
  void reserve_idle_slotIsNow() {
    RateLimiter limiter = limiter(PER_MINUTE);
    Instant before = clock().instant();

    Instant slot = slot(limiter, far()).orElseThrow();

    assertNear(before, slot);
  }

  @Test
  void reserve_consecutive_slotsOneIntervalApart() {
    RateLimiter limiter = limiter(PER_MINUTE);

    Instant first = slot(limiter, far()).orElseThrow();
    Instant second = slot(limiter, far()).orElseThrow();
    Instant third = slot(limiter, far()).orElseThrow();

    assertNear(first.plus(INTERVAL), second);
    assertNear(first.plus(INTERVAL.multipliedBy(2)), third);
  }

  @Test
  void reserve_slotAfterNotAfter_reservesNothing() {
    RateLimiter limiter = limiter(PER_MINUTE);
    Instant first = slot(limiter, far()).orElseThrow();

    Optional<Instant> tooLate = slot(limiter, clock().instant().plus(INTERVAL.dividedBy(2)));
    Instant next = slot(limiter, far()).orElseThrow();

    assertEquals(Optional.empty(), tooLate);
    assertNear(first.plus(INTERVAL), next);
  }

  @Test
  void reserve_notAfterInThePast_reservesNothing() {
    RateLimiter limiter = limiter(PER_MINUTE);

    Optional<Instant> slot = slot(limiter, clock().instant().minusSeconds(1));
    Instant next = slot(limiter, far()).orElseThrow();

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

    Instant resumeAt = pauseMinute(one, 30);

    assertEquals(Optional.empty(), slot(two, clock().instant().plusSeconds(20)));
    assertNear(resumeAt, slot(two, far()).orElseThrow());
  }

  @Test
  void pauseUntil_earlierThanThePauseInForce_doesNotShortenIt() {
    RateLimiter one = limiter(PER_MINUTE);
    RateLimiter two = peerOf(one, PER_MINUTE);
    Instant resumeAt = pauseMinute(one, 30);

    pauseMinute(two, 5);

    assertNear(resumeAt, slot(one, far()).orElseThrow());
  }

  @Test
  void pauseUntil_inThePast_changesNothing() {
    RateLimiter limiter = limiter(PER_MINUTE);

    pauseMinute(limiter, -30);

    assertNear(clock().instant(), slot(limiter, far()).orElseThrow());
  }

  @Test
  void shared_isTrueOnlyForPacingSharedByInstances() {
    assertEquals(fixture().shared(), limiter(PER_MINUTE).shared());
  }

  @ParameterizedTest
  @EnumSource(
      value = Window.class,
      names = {"HOUR", "DAY"})
  void reserve_windowSpent_heldBackUntilItsResetOnEveryInstance(Window window) {
    RateLimiter one = limiter(quotaWith(window, 5));
    RateLimiter two = peerOf(one, quotaWith(window, 5));
    for (int i = 0; i < 5; i++) {
      slot(i % 2 == 0 ? one : two, CallKind.LOOKUP, far()).orElseThrow();
    }

    Reservation held = two.reserve(CallKind.LOOKUP, Lane.INTERACTIVE, soon(), List.of());

    QuotaWait hold = assertInstanceOf(Reservation.MustWait.class, held).quotaWait();
    assertEquals(QuotaWait.Cause.SPENT, hold.cause());
    assertEquals(window, hold.window());
    assertEquals(5, hold.limit());
    assertNear(periodEnd(window), hold.until());
  }

  @Test
  void reserve_createsNearTheCap_leaveTheReserveToLookups() {
    RateLimiter limiter = limiter(quotaWith(Window.HOUR, 100));
    for (int i = 0; i < 100 - Quota.reserveOf(100); i++) {
      slot(limiter, CallKind.LOOKUP, far()).orElseThrow();
    }

    Reservation create = limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, soon(), List.of());
    Optional<Instant> lookup = slot(limiter, CallKind.LOOKUP, far());

    assertEquals(
        QuotaWait.Cause.SPENT,
        assertInstanceOf(Reservation.MustWait.class, create).quotaWait().cause(),
        "creates stop short of the reserve");
    assertTrue(lookup.isPresent(), "a reconciliation look-up still finds budget");
  }

  /** freee's limits as every stack deploys them: 30 a minute, 1,500 an hour, 3,000 a day. */
  private Quota deployedDefaultsAt(String timeOfDayUtc) {
    Duration phase = WindowPhase.placing(clock().instant(), LocalTime.parse(timeOfDayUtc), 1);
    return Quota.of(30, 1500, 3000).withInteractiveShare(10).withPhase(phase);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:00:05", "12:00:00", "23:59:55"})
  void reserve_createsAtTheDeployedDefaults_pacedByTheMinuteAtAnyTimeOfDay(String timeOfDay) {
    RateLimiter limiter = limiter(deployedDefaultsAt(timeOfDay));
    Duration interval = InMemoryRateLimiter.intervalFor(30);

    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      slots.add(slot(limiter, far()).orElseThrow());
    }

    for (int i = 1; i < slots.size(); i++) {
      assertNear(slots.getFirst().plus(interval.multipliedBy(i)), slots.get(i));
    }
  }

  @Test
  void reserve_hourBudgetSpent_heldUntilItsResetThenAtTheMinutesPace() {
    RateLimiter limiter = limiter(quotaWith(Window.HOUR, 100));
    for (int i = 0; i < 100 - Quota.reserveOf(100); i++) {
      slot(limiter, far()).orElseThrow();
    }

    Instant reset = periodEnd(Window.HOUR);
    Instant afterReset = reset.plusSeconds(60);

    Reservation held = limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, afterReset, List.of());

    assertNear(reset, assertInstanceOf(Reservation.Slot.class, held).at());
    Reservation next = limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, afterReset, List.of());
    assertNear(
        reset.plus(InMemoryRateLimiter.intervalFor(100_000)),
        assertInstanceOf(Reservation.Slot.class, next).at());
  }

  @Test
  void reserve_createsPaced_heldBackByTheMinuteWithItsNextSlot() {
    RateLimiter limiter = limiter(PER_MINUTE);
    Instant first = slot(limiter, far()).orElseThrow();

    Reservation second =
        limiter.reserve(CallKind.CREATE, Lane.INTERACTIVE, first.plusSeconds(1), List.of());

    QuotaWait hold = assertInstanceOf(Reservation.MustWait.class, second).quotaWait();
    assertEquals(QuotaWait.Cause.PACED, hold.cause());
    assertEquals(Window.MINUTE, hold.window());
    assertNear(first.plus(INTERVAL), hold.until());
  }

  @Test
  void reserve_queuedCreatesNearTheCap_leaveTheInteractiveShare() {
    RateLimiter queued = limiter(quotaWith(Window.HOUR, 100).withInteractiveShare(10));
    RateLimiter person = peerOf(queued, quotaWith(Window.HOUR, 100).withInteractiveShare(10));
    int forQueued = 100 - Quota.reserveOf(100) - 10;
    for (int i = 0; i < forQueued; i++) {
      slot(queued, CallKind.CREATE, Lane.INTERACTIVE, far()).orElseThrow();
    }

    Reservation held = queued.reserve(CallKind.CREATE, Lane.QUEUED, soon(), List.of());
    Optional<Instant> interactive = slot(person, CallKind.CREATE, Lane.INTERACTIVE, far());

    QuotaWait hold = assertInstanceOf(Reservation.MustWait.class, held).quotaWait();
    assertEquals(QuotaWait.Cause.INTERACTIVE_SHARE, hold.cause());
    assertEquals(Window.HOUR, hold.window());
    assertNear(periodEnd(Window.HOUR), hold.until());
    assertTrue(interactive.isPresent(), "a person's invoice still finds the share");
  }

  @Test
  void reserve_queuedSlotMoreThanOneIntervalAway_asksAgainLaterAndLeavesTheSlotToAPerson() {
    RateLimiter queued = limiter(PER_MINUTE);
    RateLimiter person = peerOf(queued, PER_MINUTE);
    Instant first = slot(queued, CallKind.CREATE, Lane.QUEUED, far()).orElseThrow();
    Instant second = slot(queued, CallKind.CREATE, Lane.QUEUED, far()).orElseThrow();

    Reservation third = queued.reserve(CallKind.CREATE, Lane.QUEUED, far(), List.of());
    Instant personal = slot(person, CallKind.CREATE, Lane.INTERACTIVE, far()).orElseThrow();

    assertNear(first.plus(INTERVAL), second);
    assertNear(second, assertInstanceOf(Reservation.Later.class, third).askAgainAt());
    assertNear(second.plus(INTERVAL), personal);
  }

  @Test
  void reserve_freeeReportsFewerRemaining_tightensTheCount() {
    RateLimiter limiter = limiter(quotaWith(Window.HOUR, 1500));
    QuotaReport oneLeft = new QuotaReport(Window.HOUR, 1500, 1, periodEnd(Window.HOUR));

    Reservation last = limiter.reserve(CallKind.LOOKUP, Lane.INTERACTIVE, far(), List.of(oneLeft));
    Reservation after =
        limiter.reserve(CallKind.LOOKUP, Lane.INTERACTIVE, soon(), List.of(oneLeft));

    assertInstanceOf(Reservation.Slot.class, last);
    assertEquals(
        Window.HOUR, assertInstanceOf(Reservation.MustWait.class, after).quotaWait().window());
  }

  @Test
  void reserve_reportOfAnotherPeriod_changesNothing() {
    RateLimiter limiter = limiter(quotaWith(Window.HOUR, 5));
    QuotaReport stale =
        new QuotaReport(Window.HOUR, 5, 0, periodEnd(Window.HOUR).minus(Window.HOUR.length()));

    Reservation reservation =
        limiter.reserve(CallKind.LOOKUP, Lane.INTERACTIVE, far(), List.of(stale));

    assertInstanceOf(Reservation.Slot.class, reservation);
  }

  @Test
  void pause_heldBackNamesThePause() {
    RateLimiter one = limiter(PER_MINUTE);
    RateLimiter two = peerOf(one, PER_MINUTE);
    Instant resumeAt = clock().instant().plusSeconds(600);
    one.pause(QuotaWait.spent(Window.HOUR, resumeAt, 1500));

    Reservation held =
        two.reserve(
            CallKind.LOOKUP, Lane.INTERACTIVE, clock().instant().plusSeconds(60), List.of());

    QuotaWait hold = assertInstanceOf(Reservation.MustWait.class, held).quotaWait();
    assertEquals(Window.HOUR, hold.window());
    assertEquals(1500, hold.limit());
    assertNear(resumeAt, hold.until());
    assertNear(resumeAt, two.pauseInForce().orElseThrow().until());
  }

  @Test
  void pauseInForce_noPause_isEmpty() {
    assertEquals(Optional.empty(), limiter(PER_MINUTE).pauseInForce());
  }

  @Test
  void headroom_afterCalls_showsEachWindowsLimitRemainingAndReset() {
    RateLimiter limiter = limiter(Quota.of(600, 50, 80));
    for (int i = 0; i < 3; i++) {
      slot(limiter, CallKind.LOOKUP, far()).orElseThrow();
    }

    List<WindowHeadroom> headroom = limiter.headroom();

    assertEquals(
        List.of(Window.MINUTE, Window.HOUR, Window.DAY),
        headroom.stream().map(WindowHeadroom::window).toList());
    assertEquals(List.of(600, 50, 80), headroom.stream().map(WindowHeadroom::limit).toList());
    assertEquals(
        List.of(47, 77), headroom.subList(1, 3).stream().map(WindowHeadroom::remaining).toList());
    assertNear(periodEnd(Window.DAY), headroom.get(2).resetsAt());
  }

  /** Pauses {@code limiter} as a spent minute would until {@code seconds} from now, returned. */
  private Instant pauseMinute(RateLimiter limiter, int seconds) {
    Instant resumeAt = clock().instant().plusSeconds(seconds);
    limiter.pause(QuotaWait.spent(Window.MINUTE, resumeAt, PER_MINUTE));
    return resumeAt;
  }

  private static Quota quotaWith(Window window, int limit) {
    return Quota.of(
        100_000,
        window == Window.HOUR ? limit : 1_000_000,
        window == Window.DAY ? limit : 1_000_000);
  }

  private Instant periodEnd(Window window) {
    Quota full = Quota.perMinuteOnly(1);
    return full.periodStart(window, clock().instant()).plus(window.length());
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
      slots.add(slot(limiter, far()).orElseThrow());
    }
    return slots;
  }

  /** Long before any window's reset (unless a test runs within a second of one). */
  private Instant soon() {
    return clock().instant().plusSeconds(1);
  }

  private Instant far() {
    return clock().instant().plus(Duration.ofHours(1));
  }

  private void assertNear(Instant expected, Instant actual) {
    Duration off = Duration.between(expected, actual).abs();
    assertTrue(off.compareTo(jitter()) <= 0, "slot " + actual + " is " + off + " from " + expected);
  }
}
