package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.FreeeCallGate;
import io.invoicebridge.quota.InMemoryRateLimiter;
import io.invoicebridge.quota.QuotaWait;
import io.invoicebridge.quota.QuotaWaitPastDeadlineException;
import io.invoicebridge.quota.Window;
import io.invoicebridge.timing.CallDurationEstimate;
import io.invoicebridge.timing.Deadline;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * freee's answers to a create, observed as the call gate observes them and mapped to an outcome, at
 * a fixed time.
 */
class CreateOutcomeMapperTest {

  private static final Instant NOW = Instant.parse("2026-09-30T01:00:00Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final FreeeCallGate gate =
      new FreeeCallGate(
          new InMemoryRateLimiter(clock, 60), 2, new CallDurationEstimate(), clock, duration -> {});
  private final FreeeAnswerReader reader =
      new FreeeAnswerReader(gate, JsonMapper.createDefault(), clock);
  private final CreateOutcomeMapper mapper =
      new CreateOutcomeMapper(JsonMapper.createDefault(), clock);

  @Test
  void map_201_createdWithCreatedAtReadAsTokyoTime() {
    // given
    String body =
        "{\"invoice\":{\"id\":49034614,\"invoice_number\":\"INV-0000123\","
            + "\"created_at\":\"2026-09-30 10:00:00\"}}";
    // when
    CreateOutcome outcome = map(201, Map.of("x-freee-request-id", "r-1"), body);
    // then
    CreateOutcome.Created created = assertInstanceOf(CreateOutcome.Created.class, outcome);
    assertEquals(49034614L, created.invoice().invoiceId());
    assertEquals("INV-0000123", created.invoice().invoiceNumber());
    assertEquals(NOW, created.invoice().createdAt());
    assertEquals("r-1", created.requestId());
  }

  @Test
  void map_201WithoutCreatedAt_createdAtNow() {
    // when
    CreateOutcome outcome = map(201, Map.of(), "{\"invoice\":{\"id\":7}}");
    // then
    assertEquals(NOW, assertInstanceOf(CreateOutcome.Created.class, outcome).invoice().createdAt());
  }

  @Test
  void map_400_rejectedWithFlattenedMessages() {
    // given
    String body =
        "{\"status_code\":400,\"errors\":[{\"type\":\"status\",\"messages\":[\"不正なリクエストです。\"]},"
            + "{\"type\":\"validation\",\"messages\":[\"Date は不正な日付フォーマットです。\"]}]}";
    // when
    CreateOutcome outcome = map(400, Map.of(), body);
    // then
    CreateOutcome.Rejected rejected = assertInstanceOf(CreateOutcome.Rejected.class, outcome);
    assertEquals(List.of("不正なリクエストです。", "Date は不正な日付フォーマットです。"), rejected.messages());
  }

  @Test
  void map_403PermissionCode_rejected() {
    // when
    CreateOutcome outcome =
        map(403, Map.of(), "{\"message\":\"権限がありません\",\"code\":\"user_do_not_have_permission\"}");
    // then
    assertEquals(403, assertInstanceOf(CreateOutcome.Rejected.class, outcome).httpStatus());
  }

  @Test
  void map_403WithoutPermissionCode_throttledForTenMinutesAndGatePaused() {
    // when
    CreateOutcome outcome = map(403, Map.of(), "<html>excessive access</html>");
    // then
    CreateOutcome.Throttled throttled = assertInstanceOf(CreateOutcome.Throttled.class, outcome);
    assertEquals(NOW.plus(Duration.ofMinutes(10)), throttled.quotaWait().until());
    assertEquals(QuotaWait.Cause.BLOCKED, throttled.quotaWait().cause());
    assertHeld(Duration.ofMinutes(9));
  }

  @Test
  void map_429WithRetryAfterSeconds_throttledUntilThen() {
    // when
    CreateOutcome outcome =
        map(
            429,
            Map.of("retry-after", "30", "X-Ratelimit-Reset-Minute", "2026-09-30T01:00:50Z"),
            "");
    // then
    assertEquals(
        NOW.plusSeconds(30),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).quotaWait().until());
    assertHeld(Duration.ofSeconds(29));
  }

  @Test
  void map_429WithMinuteResetOnly_throttledUntilReset() {
    // when
    CreateOutcome outcome =
        map(429, Map.of("x-ratelimit-reset-minute", "2026-09-30T01:00:50.000000Z"), "");
    // then
    assertEquals(
        Instant.parse("2026-09-30T01:00:50Z"),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).quotaWait().until());
  }

  @Test
  void map_429WithHourSpent_throttledUntilTheHourResetNotTheMinute() {
    // given: freee's answer shows the hour spent and the minute not
    Map<String, String> headers =
        Map.of(
            "X-Ratelimit-Remaining-Minute", "12",
            "X-Ratelimit-Reset-Minute", "2026-09-30T01:00:50Z",
            "X-RateLimit-Limit", "1500",
            "X-RateLimit-Remaining", "0",
            "X-RateLimit-Reset", "2026-09-30T02:00:00Z");
    // when
    CreateOutcome outcome = map(429, headers, "");
    // then
    QuotaWait hold = assertInstanceOf(CreateOutcome.Throttled.class, outcome).quotaWait();
    assertEquals(Instant.parse("2026-09-30T02:00:00Z"), hold.until());
    assertEquals(Window.HOUR, hold.window());
    assertEquals(
        "freee's hourly limit of 1500 is spent; it resets at 2026-09-30T02:00:00Z", hold.detail());
    assertHeld(Duration.ofMinutes(59));
  }

  @Test
  void map_429WhoseMinuteResetHasPassed_holdsNoLongerThanNow() {
    // given: the answer took longer to arrive than the rest of freee's minute
    Map<String, String> headers =
        Map.of(
            "X-Ratelimit-Limit-Minute", "30",
            "X-Ratelimit-Remaining-Minute", "0",
            "X-Ratelimit-Reset-Minute", "2026-09-30T00:59:59.950Z");
    // when
    CreateOutcome outcome = map(429, headers, "");
    // then: the window is open again; no guessed minute of silence
    assertEquals(NOW, assertInstanceOf(CreateOutcome.Throttled.class, outcome).quotaWait().until());
  }

  @Test
  void map_429WithoutAnyTime_throttledForOneMinute() {
    // when
    CreateOutcome outcome = map(429, Map.of(), "");
    // then
    assertEquals(
        NOW.plus(Duration.ofMinutes(1)),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).quotaWait().until());
  }

  @Test
  void map_429WithHttpDateRetryAfter_throttledUntilThatDate() {
    // when
    CreateOutcome outcome = map(429, Map.of("Retry-After", "Wed, 30 Sep 2026 01:02:00 GMT"), "");
    // then
    assertEquals(
        Instant.parse("2026-09-30T01:02:00Z"),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).quotaWait().until());
  }

  @Test
  void map_401OtherThanExpired_failedCertain() {
    // when
    CreateOutcome outcome = map(401, Map.of(), "{\"code\":\"invalid_client\"}");
    // then
    assertFalse(assertInstanceOf(CreateOutcome.Failed.class, outcome).uncertain());
  }

  @Test
  void map_5xx_failedUncertain() {
    for (int status : List.of(500, 502, 503, 504)) {
      // when
      CreateOutcome outcome = map(status, Map.of(), "");
      // then
      assertTrue(assertInstanceOf(CreateOutcome.Failed.class, outcome).uncertain());
    }
  }

  @Test
  void map_successWithMinuteQuotaSpent_pausesUntilMinuteReset() {
    // given
    Map<String, String> headers =
        Map.of(
            "X-Ratelimit-Remaining-Minute", "0",
            "X-Ratelimit-Limit-Minute", "30",
            "X-Ratelimit-Reset-Minute", "2026-09-30T01:00:40Z");
    // when
    reader.read(new FreeeAnswer(201, headers, "", Duration.ZERO));
    // then
    assertHeld(Duration.ofSeconds(39));
    assertEquals(30, reader.lastSeen().orElseThrow().minuteLimit());
    assertEquals(0, reader.lastSeen().orElseThrow().minuteRemaining());
  }

  @Test
  void observe_successSpendingTheDay_pausesUntilTheDayReset() {
    // given
    Map<String, String> headers =
        Map.of(
            "X-RateLimit-Limit-Day", "3000",
            "X-RateLimit-Remaining-Day", "0",
            "X-RateLimit-Reset-Day", "2026-10-01T00:00:00Z");
    // when
    reader.read(new FreeeAnswer(201, headers, "", Duration.ZERO));
    // then
    QuotaWaitPastDeadlineException held =
        assertThrows(
            QuotaWaitPastDeadlineException.class,
            () -> gate.call(CallKind.LOOKUP, Deadline.in(Duration.ofHours(22), clock), () -> "x"));
    assertEquals(Window.DAY, held.quotaWait().window());
    assertEquals(Instant.parse("2026-10-01T00:00:00Z"), held.quotaWait().until());
  }

  /** The answer as the gate sees it (read while the call's permit is held), then mapped. */
  private CreateOutcome map(int status, Map<String, String> headers, String body) {
    FreeeAnswer answer = new FreeeAnswer(status, headers, body, Duration.ZERO);
    return mapper.map(new FreeeExchange.Answered(answer, reader.read(answer)));
  }

  /** No call, not even a look-up, is sent within {@code within} from now. */
  private void assertHeld(Duration within) {
    assertThrows(
        QuotaWaitPastDeadlineException.class,
        () -> gate.call(CallKind.LOOKUP, Deadline.in(within, clock), () -> "sent"));
  }
}
