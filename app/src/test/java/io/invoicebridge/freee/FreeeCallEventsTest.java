package io.invoicebridge.freee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.freee.answer.FreeeReading;
import io.invoicebridge.metrics.FreeeCall;
import io.invoicebridge.metrics.FreeeThrottled;
import io.invoicebridge.metrics.OperationalEvent;
import io.invoicebridge.metrics.QuotaUsed;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which events one freee call reports: the call, a throttle, the share of freee's windows spent.
 */
class FreeeCallEventsTest {

  private static final String OPERATION = "POST /iv/invoices";

  private final List<OperationalEvent> emitted = new ArrayList<>();
  private final FreeeCallEvents events = new FreeeCallEvents(emitted::add, Clock.systemUTC());

  @Test
  void record_answerWithRateLimitHeaders_reportsTheCallAndEachWindowSpent() {
    // given
    FreeeAnswer answer =
        answer(
            201,
            Map.of(
                "X-Ratelimit-Limit-Minute", "30",
                "X-Ratelimit-Remaining-Minute", "6",
                "X-RateLimit-Limit", "1500",
                "X-RateLimit-Remaining", "300",
                "X-RateLimit-Limit-Day", "3000",
                "X-RateLimit-Remaining-Day", "2970"),
            "{}");

    // when
    events.record(OPERATION, answered(answer));

    // then
    assertEquals(
        List.of(new FreeeCall(OPERATION, 201, 120), new QuotaUsed(80.0, 80.0, 1.0)), emitted);
  }

  /** 429 is freee's rate limit; a 403 without a permission code is its excessive-access block. */
  @ParameterizedTest
  @CsvSource({"429, " + FreeeThrottled.RATE_LIMITED, "403, " + FreeeThrottled.EXCESSIVE_ACCESS})
  void record_throttlingStatus_reportsTheThrottleWithItsReason(int status, String reason) {
    events.record(OPERATION, answered(answer(status, Map.of(), "{}")));

    assertEquals(
        List.of(
            new FreeeCall(OPERATION, status, 120), new FreeeThrottled(OPERATION, status, reason)),
        emitted);
  }

  @Test
  void record_403PermissionDenied_reportsNoThrottle() {
    String body = "{\"code\":\"user_do_not_have_permission\",\"message\":\"no\"}";

    events.record(OPERATION, answered(answer(403, Map.of(), body)));

    assertEquals(List.of(new FreeeCall(OPERATION, 403, 120)), emitted);
  }

  @Test
  void record_noAnswer_reportsTheCallWithStatusZero() {
    events.record(OPERATION, new FreeeExchange.Lost("read timed out", Duration.ofMillis(30_000)));

    assertEquals(List.of(new FreeeCall(OPERATION, 0, 30_000)), emitted);
  }

  private static FreeeExchange answered(FreeeAnswer answer) {
    return new FreeeExchange.Answered(answer, FreeeReading.of(answer, JsonMapper.createDefault()));
  }

  private static FreeeAnswer answer(int status, Map<String, String> headers, String body) {
    return new FreeeAnswer(status, headers, body, Duration.ofMillis(120));
  }
}
