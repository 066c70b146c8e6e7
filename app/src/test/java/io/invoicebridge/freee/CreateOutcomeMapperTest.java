package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.limit.CallDurationEstimate;
import io.invoicebridge.limit.Deadline;
import io.invoicebridge.limit.FreeeCallGate;
import io.invoicebridge.limit.InMemoryRateLimiter;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** freee's answers to a create, mapped per DESIGN section 5, at a fixed time. */
class CreateOutcomeMapperTest {

  private static final Instant NOW = Instant.parse("2026-09-30T01:00:00Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final FreeeCallGate gate =
      new FreeeCallGate(
          new InMemoryRateLimiter(clock, 60), 2, new CallDurationEstimate(), clock, duration -> {});
  private final FreeeRateLimitTracker tracker = new FreeeRateLimitTracker(gate, clock);
  private final CreateOutcomeMapper mapper =
      new CreateOutcomeMapper(JsonMapper.createDefault(), tracker, clock);

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
    assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(10))), throttled.retryAt());
    assertTrue(gate.call(Deadline.in(Duration.ofMinutes(9), clock), () -> "sent").isEmpty());
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
        Optional.of(NOW.plusSeconds(30)),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).retryAt());
    assertTrue(gate.call(Deadline.in(Duration.ofSeconds(29), clock), () -> "sent").isEmpty());
  }

  @Test
  void map_429WithMinuteResetOnly_throttledUntilReset() {
    // when
    CreateOutcome outcome =
        map(429, Map.of("x-ratelimit-reset-minute", "2026-09-30T01:00:50.000000Z"), "");
    // then
    assertEquals(
        Optional.of(Instant.parse("2026-09-30T01:00:50Z")),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).retryAt());
  }

  @Test
  void map_429WithHttpDateRetryAfter_throttledUntilThatDate() {
    // when
    CreateOutcome outcome = map(429, Map.of("Retry-After", "Wed, 30 Sep 2026 01:02:00 GMT"), "");
    // then
    assertEquals(
        Optional.of(Instant.parse("2026-09-30T01:02:00Z")),
        assertInstanceOf(CreateOutcome.Throttled.class, outcome).retryAt());
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
    tracker.observe(new FreeeAnswer(201, headers, "", Duration.ZERO));
    // then
    assertTrue(gate.call(Deadline.in(Duration.ofSeconds(39), clock), () -> "sent").isEmpty());
    assertEquals(30, tracker.lastSeen().orElseThrow().minuteLimit());
    assertEquals(0, tracker.lastSeen().orElseThrow().minuteRemaining());
  }

  private CreateOutcome map(int status, Map<String, String> headers, String body) {
    return mapper.map(
        new FreeeExchange.Answered(new FreeeAnswer(status, headers, body, Duration.ZERO)));
  }
}
