package io.invoicebridge.health;

import io.invoicebridge.freee.FreeeAnswerReader;
import io.invoicebridge.quota.FreeeCallGate;
import io.invoicebridge.quota.FreeeRateLimitSnapshot;
import io.invoicebridge.quota.ItemsInFlight;
import io.invoicebridge.quota.RateLimiterUnavailableException;
import io.invoicebridge.quota.Window;
import io.invoicebridge.quota.WindowHeadroom;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Headroom in freee's three windows, for {@code /health} details and the preflight line {@code
 * freee_rate_limit}: each window's limit, calls left and reset as the (shared) limiter counts them
 * and as freee's last headers said, any pause in force, and a warning when the day has fewer calls
 * left than this instance has items in flight. Always UP: a spent window is a wait, not a fault.
 */
@Singleton
class FreeeQuotaCheck extends HealthCheck implements DetailsOnly, PreflightCheck {

  private static final String NAME = "freee_rate_limit";

  private final FreeeCallGate gate;
  private final FreeeAnswerReader rateLimits;
  private final ItemsInFlight inFlight;
  private final Clock clock;

  FreeeQuotaCheck(
      FreeeCallGate gate, FreeeAnswerReader rateLimits, ItemsInFlight inFlight, Clock clock) {
    super("freee-quota", Probe.READINESS);
    this.gate = gate;
    this.rateLimits = rateLimits;
    this.inFlight = inFlight;
    this.clock = clock;
  }

  @Override
  public HealthFinding check() {
    return HealthFinding.up(details());
  }

  @Override
  public List<CheckResult> run(boolean probeFreee) {
    Map<String, Object> details = details();
    List<String> warnings = warnings(details);
    String text = details.toString();
    return List.of(
        warnings.isEmpty()
            ? CheckResult.pass(NAME, text)
            : CheckResult.warn(NAME, String.join("; ", warnings) + " " + text));
  }

  private Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      for (WindowHeadroom window : gate.headroom()) {
        details.put(key(window.window()), window(window));
      }
      gate.pauseInForce().ifPresent(wait -> details.put("paused", wait.detail()));
    } catch (RateLimiterUnavailableException e) {
      details.put("error", e.getMessage());
    }
    rateLimits.lastSeen().ifPresent(seen -> details.put("freee_last_headers", lastSeen(seen)));
    details.put("items_in_flight", inFlight.count());
    return details;
  }

  private List<String> warnings(Map<String, Object> details) {
    List<String> warnings = new ArrayList<>();
    if (details.containsKey("paused")) {
      warnings.add("every freee call waits: " + details.get("paused"));
    }
    dayRemaining()
        .filter(left -> left < inFlight.count())
        .ifPresent(
            left ->
                warnings.add(
                    "freee's daily budget has "
                        + left
                        + " calls left, fewer than the "
                        + inFlight.count()
                        + " items in flight: the rest wait for the day's reset"));
    return warnings;
  }

  /** The fewer of the limiter's count and freee's last report, while that report is current. */
  private Optional<Integer> dayRemaining() {
    Optional<Integer> counted;
    try {
      counted =
          gate.headroom().stream()
              .filter(window -> window.window() == Window.DAY)
              .map(WindowHeadroom::remaining)
              .findFirst();
    } catch (RateLimiterUnavailableException e) {
      counted = Optional.empty();
    }
    Optional<Integer> reported =
        rateLimits
            .lastSeen()
            .filter(seen -> seen.dayReset() != null && seen.dayReset().isAfter(clock.instant()))
            .map(FreeeRateLimitSnapshot::dayRemaining);
    if (counted.isPresent() && reported.isPresent()) {
      return Optional.of(Math.min(counted.get(), reported.get()));
    }
    return counted.or(() -> reported);
  }

  private static String key(Window window) {
    return window.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> window(WindowHeadroom window) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("limit", window.limit());
    values.put("remaining", window.remaining());
    values.put("resets_at", window.resetsAt().toString());
    return values;
  }

  private static Map<String, Object> lastSeen(FreeeRateLimitSnapshot seen) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("seen_at", seen.seenAt().toString());
    values.put(
        "minute",
        seen.minuteRemaining() + "/" + seen.minuteLimit() + " until " + seen.minuteReset());
    values.put(
        "hour", seen.hourRemaining() + "/" + seen.hourLimit() + " until " + seen.hourReset());
    values.put("day", seen.dayRemaining() + "/" + seen.dayLimit() + " until " + seen.dayReset());
    return values;
  }
}
