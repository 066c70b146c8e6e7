package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.freee.answer.FreeeExchanges;
import io.invoicebridge.freee.answer.FreeeReading;
import io.invoicebridge.freee.token.AccessTokenProvider;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.FreeeCallGate;
import io.invoicebridge.timing.Deadline;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Makes one authorized freee call: through the {@link FreeeCallGate} (every freee call of the
 * bridge, creates and look-ups alike, passes here), with the current access token, logged, its
 * answer read once by the {@link FreeeAnswerReader}; after a 401 {@code expired_access_token} it
 * gets another token once and sends once more (through the gate again).
 */
@Singleton
public class FreeeCaller {

  private final AccessTokenProvider tokens;
  private final FreeeCallGate gate;
  private final FreeeAnswerReader reader;
  private final FreeeOutageBreaker breaker;
  private final FreeeCallEvents callEvents;

  FreeeCaller(
      AccessTokenProvider tokens,
      FreeeCallGate gate,
      FreeeAnswerReader reader,
      FreeeOutageBreaker breaker,
      FreeeCallEvents callEvents) {
    this.tokens = tokens;
    this.gate = gate;
    this.reader = reader;
    this.breaker = breaker;
    this.callEvents = callEvents;
  }

  /**
   * @param request sends the request given the {@code Authorization} header value
   * @return the last attempt's exchange, or empty when the gate gave it no permit or time
   * @throws io.invoicebridge.freee.token.TokenRefreshFailedException etc. from {@link
   *     AccessTokenProvider}, {@code QuotaWaitPastDeadlineException} and {@code
   *     RateLimiterUnavailableException} from the gate, {@link FreeeOutageException} from the
   *     breaker; nothing was sent on the attempt that threw
   */
  public Optional<FreeeExchange> call(
      String operation,
      CallKind kind,
      Deadline deadline,
      Function<String, CompletableFuture<HttpResponse<String>>> request) {
    String token = tokens.accessToken(deadline);
    Optional<FreeeExchange> first = once(operation, kind, token, deadline, request);
    if (first.isEmpty() || !expiredToken(first.get())) {
      return first;
    }
    String renewed = tokens.refreshAfterRejection(token, deadline);
    return once(operation, kind, renewed, deadline, request);
  }

  private Optional<FreeeExchange> once(
      String operation,
      CallKind kind,
      String token,
      Deadline deadline,
      Function<String, CompletableFuture<HttpResponse<String>>> request) {
    breaker.admit();
    Optional<FreeeExchange> exchange = Optional.empty();
    try {
      exchange = send(operation, kind, token, deadline, request);
      return exchange;
    } finally {
      if (exchange.isEmpty()) {
        breaker.recordNotSent();
      }
    }
  }

  private Optional<FreeeExchange> send(
      String operation,
      CallKind kind,
      String token,
      Deadline deadline,
      Function<String, CompletableFuture<HttpResponse<String>>> request) {
    // The headers are observed inside the gate, before its permit is released: a pause they call
    // for must be in force before the next call can take a slot.
    return gate.call(
        kind,
        deadline,
        () -> {
          FreeeExchange done =
              FreeeExchanges.await(request.apply("Bearer " + token), deadline, reader::read);
          recordHealth(done);
          FreeeCallLog.log(operation, done);
          callEvents.record(operation, done);
          return done;
        });
  }

  private void recordHealth(FreeeExchange done) {
    boolean failed =
        !(done instanceof FreeeExchange.Answered answered) || answered.answer().status() >= 500;
    if (failed) {
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
  }

  private boolean expiredToken(FreeeExchange exchange) {
    return exchange instanceof FreeeExchange.Answered answered
        && answered.reading().kind() == FreeeReading.Kind.EXPIRED_ACCESS_TOKEN;
  }
}
