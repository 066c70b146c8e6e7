package io.invoicebridge.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchResponseTest {

  @Test
  void retryAfter_itemsHeldUntilDifferentTimes_isTheEarliest() {
    List<ItemResult> results =
        List.of(
            ItemResult.of("a", ItemStatus.NOT_ATTEMPTED, 0, "hour spent")
                .withRetryAfter(Duration.ofMinutes(40)),
            ItemResult.of("b", ItemStatus.FAILED, 1, "breaker open")
                .withRetryAfter(Duration.ofSeconds(25)),
            ItemResult.of("c", ItemStatus.CONFLICT, 0, "key reused"));

    Optional<Duration> retryAfter = BatchResponse.of(results, false).retryAfter();

    assertEquals(Optional.of(Duration.ofSeconds(25)), retryAfter);
  }

  @Test
  void retryAfter_nothingResendable_isAbsent() {
    List<ItemResult> results = List.of(ItemResult.of("c", ItemStatus.CONFLICT, 0, "key reused"));

    assertEquals(Optional.empty(), BatchResponse.of(results, false).retryAfter());
  }
}
