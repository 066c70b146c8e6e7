package io.invoicebridge.quota;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.invoicebridge.timing.Lane;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limiter shared by every instance: one hash ({@code ib:{ns}:rate}) holding the pause, the
 * minute's next slot and the hour's and the day's counts, and a Lua script ({@code
 * rate-reserve.lua}, the rules of {@link InMemoryRateLimiter}) that checks the pause and reserves
 * in all three windows at once.
 *
 * <p>Why a script of our own rather than a library bucket (Bucket4j and the like): one {@code
 * EVALSHA} honours the cluster-wide pause and reserves an evenly spaced slot in three windows, so a
 * slot costs one round trip and a created invoice three (claim, slot, complete; a fourth, the pause
 * check, when the call waited for its slot); buckets would need a key and a command per window and
 * the pause, and start full, which allows twice the limit inside one window.
 *
 * <p>Clocks: all slot arithmetic happens in the script on the Redis server's clock ({@code TIME}),
 * so instances whose clocks disagree still share one timeline. Only durations cross the wire: the
 * caller's deadline goes in as the longest acceptable wait, and waits come back and are added to
 * this instance's clock when the reply arrives.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final RedisScript RESERVE = script("rate-reserve.lua");
  private static final RedisScript PAUSE = script("rate-pause.lua");
  private static final RedisScript PAUSED = script("rate-paused.lua");
  private static final RedisScript HEADROOM = script("rate-headroom.lua");
  private static final QuotaWait.Cause[] CAUSES = QuotaWait.Cause.values();

  private final RedisConnections redis;
  private final String[] rateKey;
  private final Quota quota;
  private final String intervalMs;
  private final String phaseMs;
  private final Clock clock;

  public RedisRateLimiter(RedisConnections redis, RedisKeys keys, Quota quota, Clock clock) {
    this.redis = redis;
    this.rateKey = new String[] {keys.rate()};
    this.quota = quota;
    this.intervalMs =
        Long.toString(
            InMemoryRateLimiter.intervalFor(quota.perMinute(), quota.length(Window.MINUTE))
                .toMillis());
    this.phaseMs = Long.toString(quota.phase().toMillis());
    this.clock = clock;
  }

  public RedisRateLimiter(RedisConnections redis, RedisKeys keys, int callsPerMinute, Clock clock) {
    this(redis, keys, Quota.perMinuteOnly(callsPerMinute), clock);
  }

  @Override
  public Reservation reserve(CallKind kind, Lane lane, Instant notAfter, List<QuotaReport> seen) {
    Instant now = clock.instant();
    List<String> args = new ArrayList<>();
    args.add(kind == CallKind.CREATE ? "1" : "0");
    args.add(Long.toString(Duration.between(now, notAfter).toMillis()));
    args.add(intervalMs);
    for (Window window : Window.values()) {
      args.add(Long.toString(quota.length(window).toMillis()));
    }
    for (Window window : Window.values()) {
      args.add(Integer.toString(quota.limit(window)));
    }
    for (Window window : Window.values()) {
      addReport(args, seen, window, now);
    }
    args.add(lane == Lane.QUEUED ? "1" : "0");
    args.add(Integer.toString(quota.interactiveSharePercent()));
    args.add(phaseMs);
    List<Object> reply = run("reserve", RESERVE, args.toArray(String[]::new));
    return switch (((Long) reply.getFirst()).intValue()) {
      case 1 -> new Reservation.Slot(clock.instant().plusMillis((Long) reply.get(1)));
      case 2 -> new Reservation.NoTime();
      case 3 -> new Reservation.Later(clock.instant().plusMillis((Long) reply.get(1)));
      default -> new Reservation.MustWait(quotaWait(reply, 1));
    };
  }

  private static void addReport(
      List<String> args, List<QuotaReport> seen, Window window, Instant now) {
    Optional<QuotaReport> report = seen.stream().filter(r -> r.window() == window).findFirst();
    if (report.isEmpty()) {
      args.addAll(List.of("-", "-", "-"));
      return;
    }
    args.add(Integer.toString(report.get().limit()));
    args.add(Integer.toString(report.get().remaining()));
    args.add(Long.toString(Duration.between(now, report.get().reset()).toMillis()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sent as a delay so the pause ends at the same moment on the server's clock for everyone;
   * rounded up: a pause that ends a millisecond early can still meet freee's closed window.
   */
  @Override
  public void pause(QuotaWait quotaWait) {
    Duration delay = Duration.between(clock.instant(), quotaWait.until());
    long delayMs = (delay.toNanos() + 999_999) / 1_000_000;
    if (delayMs > 0) {
      run(
          "pause",
          PAUSE,
          Long.toString(delayMs),
          Integer.toString(quotaWait.cause().ordinal() + 1),
          Integer.toString(quotaWait.window() == null ? 0 : quotaWait.window().ordinal() + 1),
          Integer.toString(quotaWait.limit()),
          Long.toString(2 * quota.length(Window.DAY).toMillis()));
    }
  }

  @Override
  public Optional<QuotaWait> pauseInForce() {
    List<Object> reply = run("pause check", PAUSED);
    return reply.isEmpty() ? Optional.empty() : Optional.of(quotaWait(reply, 0));
  }

  @Override
  public List<WindowHeadroom> headroom() {
    List<String> args = new ArrayList<>();
    for (Window window : Window.values()) {
      args.add(Long.toString(quota.length(window).toMillis()));
    }
    for (Window window : Window.values()) {
      args.add(Integer.toString(quota.limit(window)));
    }
    args.add(phaseMs);
    List<Object> reply = run("headroom", HEADROOM, args.toArray(String[]::new));
    Instant now = clock.instant();
    List<WindowHeadroom> windows = new ArrayList<>();
    for (Window window : Window.values()) {
      int at = 3 * window.ordinal();
      windows.add(
          new WindowHeadroom(
              window,
              ((Long) reply.get(at)).intValue(),
              ((Long) reply.get(at + 1)).intValue(),
              now.plusMillis((Long) reply.get(at + 2))));
    }
    return windows;
  }

  @Override
  public boolean shared() {
    return true;
  }

  /** Reads {@code until - now, cause, window, limit} from {@code reply} at {@code from}. */
  private QuotaWait quotaWait(List<Object> reply, int from) {
    Instant until = clock.instant().plusMillis((Long) reply.get(from));
    int window = ((Long) reply.get(from + 2)).intValue();
    return new QuotaWait(
        CAUSES[((Long) reply.get(from + 1)).intValue() - 1],
        window == 0 ? null : Window.values()[window - 1],
        until,
        ((Long) reply.get(from + 3)).intValue());
  }

  private List<Object> run(String step, RedisScript script, String... args) {
    try {
      return redis.run(script, ScriptOutputType.MULTI, rateKey, args);
    } catch (RedisException e) {
      throw new RateLimiterUnavailableException(step, e);
    }
  }

  private static RedisScript script(String name) {
    return RedisScript.fromResource("/io/invoicebridge/quota/" + name);
  }
}
