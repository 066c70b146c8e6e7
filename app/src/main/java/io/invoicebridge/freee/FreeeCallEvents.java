package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.freee.answer.FreeeReading;
import io.invoicebridge.metrics.FreeeCall;
import io.invoicebridge.metrics.FreeeThrottled;
import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.metrics.QuotaUsed;
import io.invoicebridge.quota.FreeeRateLimitSnapshot;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Reports each freee call to the operator: the call itself, a throttle (as the answer's {@link
 * FreeeReading} classified it) and the share of freee's windows its rate-limit headers say is
 * spent. Only statuses, durations and counts: never a body or a token.
 */
@Singleton
class FreeeCallEvents {

  private final OperationalEvents events;
  private final Clock clock;

  FreeeCallEvents(OperationalEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  void record(String operation, FreeeExchange exchange) {
    if (!(exchange instanceof FreeeExchange.Answered answered)) {
      events.emit(new FreeeCall(operation, 0, exchange.duration().toMillis()));
      return;
    }
    FreeeAnswer answer = answered.answer();
    events.emit(new FreeeCall(operation, answer.status(), exchange.duration().toMillis()));
    switch (answered.reading().kind()) {
      case RATE_LIMITED ->
          events.emit(new FreeeThrottled(operation, 429, FreeeThrottled.RATE_LIMITED));
      case EXCESSIVE_ACCESS ->
          events.emit(new FreeeThrottled(operation, 403, FreeeThrottled.EXCESSIVE_ACCESS));
      default -> {}
    }
    FreeeRateLimitSnapshot seen = FreeeRateLimitSnapshot.from(answer::header, clock.instant());
    QuotaUsed quota =
        new QuotaUsed(
            QuotaUsed.percent(seen.minuteRemaining(), seen.minuteLimit()),
            QuotaUsed.percent(seen.hourRemaining(), seen.hourLimit()),
            QuotaUsed.percent(seen.dayRemaining(), seen.dayLimit()));
    if (!quota.empty()) {
      events.emit(quota);
    }
  }
}
