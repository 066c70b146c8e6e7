package io.invoicebridge.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the single-item endpoint answers an item that was not attempted. */
class SingleItemResponsesTest {

  @Test
  void notAttempted_heldBackByAQuotaWindow_is503WithRetryAfterAtTheReset() {
    ItemResult held =
        ItemResult.of("k", ItemStatus.NOT_ATTEMPTED, 0, "freee's hourly limit of 1500 is spent")
            .withRetryAfter(Duration.ofMinutes(10))
            .withKnownWait();

    MutableHttpResponse<?> response = SingleItemResponses.of(held);

    assertEquals(503, response.code());
    assertEquals("600", response.getHeaders().get("Retry-After"));
  }

  @Test
  void notAttempted_noTimeLeftBeforeTheDeadline_is504() {
    ItemResult late =
        ItemResult.of("k", ItemStatus.NOT_ATTEMPTED, 0, "no time left to create")
            .withRetryAfter(Duration.ofSeconds(1));

    MutableHttpResponse<?> response = SingleItemResponses.of(late);

    assertEquals(504, response.code());
  }
}
