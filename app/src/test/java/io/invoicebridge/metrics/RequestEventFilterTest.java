package io.invoicebridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.logging.CorrelationFilter;
import io.invoicebridge.logging.LogFields;
import io.invoicebridge.testing.TestConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The request event: its latency against the request deadline, and the instance's first answer. */
class RequestEventFilterTest {

  private final List<OperationalEvent> emitted = new ArrayList<>();
  private final RequestEventFilter filter =
      new RequestEventFilter(emitted::add, TestConfig.config(false));

  @Test
  void answered_withinTheDeadline_isNotOverBudget() {
    // given
    MutableHttpRequest<?> request = HttpRequest.POST("/v1/invoices/batch", "{}");
    filter.start(request);

    // when
    filter.answered(request, HttpResponse.ok());

    // then
    RequestServed served = (RequestServed) emitted.getFirst();
    assertEquals("POST", served.method());
    assertEquals(200, served.statusCode());
    assertEquals(false, served.overBudget());
  }

  @Test
  void answered_afterTheDeadline_isOverBudget() {
    // given: started longer ago than REQUEST_TIMEOUT_MS (30 s in the test configuration)
    MutableHttpRequest<?> request = HttpRequest.POST("/v1/invoices/batch", "{}");
    request.setAttribute(
        RequestEventFilter.STARTED, System.nanoTime() - Duration.ofSeconds(31).toNanos());

    // when
    filter.answered(request, HttpResponse.serverError());

    // then
    RequestServed served = (RequestServed) emitted.getFirst();
    assertEquals(500, served.statusCode());
    assertEquals(true, served.overBudget());
  }

  @Test
  void answered_twice_marksOnlyTheFirstAsTheColdStart() {
    // given
    MutableHttpRequest<?> first = HttpRequest.GET("/v1/preflight");
    MutableHttpRequest<?> second = HttpRequest.GET("/v1/preflight");

    // when
    filter.start(first);
    filter.answered(first, HttpResponse.ok());
    filter.start(second);
    filter.answered(second, HttpResponse.ok());

    // then
    assertEquals(
        List.of(true, false), emitted.stream().map(e -> ((RequestServed) e).coldStart()).toList());
  }

  @Test
  void answered_lineCarriesTheRequestsCorrelationId() {
    // given: the correlation filter has given the request the caller's id
    List<String> correlationIds = new ArrayList<>();
    RequestEventFilter recording =
        new RequestEventFilter(
            event -> correlationIds.add(MDC.get(LogFields.CORRELATION_ID)),
            TestConfig.config(false));
    MutableHttpRequest<?> request =
        HttpRequest.POST("/v1/invoices/batch", "{}").header("X-Request-Id", "req-7f3a");
    new CorrelationFilter(List.of()).assign(request);

    // when
    recording.start(request);
    recording.answered(request, HttpResponse.ok());

    // then
    assertEquals(List.of("req-7f3a"), correlationIds);
  }
}
