package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.freee.FreeeAnswerReader;
import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.quota.FreeeCallGate;
import io.invoicebridge.quota.InMemoryRateLimiter;
import io.invoicebridge.quota.ItemsInFlight;
import io.invoicebridge.quota.Quota;
import io.invoicebridge.quota.QuotaWait;
import io.invoicebridge.quota.Window;
import io.invoicebridge.testing.MutableClock;
import io.invoicebridge.timing.CallDurationEstimate;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeeQuotaCheckTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T03:00:00Z");
  private final FreeeCallGate gate =
      new FreeeCallGate(
          new InMemoryRateLimiter(clock, Quota.of(30, 1500, 5)),
          2,
          new CallDurationEstimate(),
          clock,
          clock::advance);
  private final FreeeAnswerReader reader =
      new FreeeAnswerReader(gate, JsonMapper.createDefault(), clock);
  private final ItemsInFlight inFlight = new ItemsInFlight();
  private final FreeeQuotaCheck check = new FreeeQuotaCheck(gate, reader, inFlight, clock);

  @Test
  void run_dayHasFewerCallsLeftThanItemsInFlight_warns() {
    inFlight.started(10);

    CheckResult result = check.run(false).getFirst();

    assertEquals(CheckResult.Verdict.WARN, result.verdict());
    assertTrue(
        result
            .detail()
            .contains("daily budget has 5 calls left, fewer than the 10 items in flight"),
        result.detail());
  }

  @Test
  void run_enoughLeft_passesShowingEachWindowsLimitRemainingAndReset() {
    inFlight.started(2);

    CheckResult result = check.run(false).getFirst();

    assertEquals(CheckResult.Verdict.PASS, result.verdict(), result.detail());
    assertTrue(
        result
            .detail()
            .contains("hour={limit=1500, remaining=1500, resets_at=2026-11-30T04:00:00Z}"),
        result.detail());
    assertTrue(
        result.detail().contains("day={limit=5, remaining=5, resets_at=2026-12-01T00:00:00Z}"),
        result.detail());
  }

  @Test
  void run_pauseInForce_warnsNamingTheWindowAndWhenItEnds() {
    Instant reset = Instant.parse("2026-11-30T04:00:00Z");
    gate.pause(QuotaWait.spent(Window.HOUR, reset, 1500));

    CheckResult result = check.run(false).getFirst();

    assertEquals(CheckResult.Verdict.WARN, result.verdict());
    assertTrue(
        result.detail().contains("freee's hourly limit of 1500 is spent; it resets at " + reset),
        result.detail());
  }

  @Test
  void check_afterAnAnswer_detailsHoldFreeesLastHeadersToo() {
    reader.read(
        new FreeeAnswer(
            200,
            Map.of(
                "X-RateLimit-Limit", "1500",
                "X-RateLimit-Remaining", "1200",
                "X-RateLimit-Reset", "2026-11-30T04:00:00Z"),
            "",
            Duration.ZERO));

    HealthFinding health = check.check();

    Map<String, Object> details = health.details();
    assertEquals(
        "1200/1500 until 2026-11-30T04:00:00Z",
        ((Map<?, ?>) details.get("freee_last_headers")).get("hour"));
    assertEquals(1500, ((Map<?, ?>) details.get("hour")).get("limit"));
  }
}
