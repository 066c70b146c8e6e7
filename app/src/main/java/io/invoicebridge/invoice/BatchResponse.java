package io.invoicebridge.invoice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a batch. {@code complete} is false while any item is safely resendable; the
 * caller's whole protocol is to resend the same batch until it is true.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BatchResponse(
    boolean complete, boolean dryRun, BatchSummary summary, List<ItemResult> results) {

  public static BatchResponse of(List<ItemResult> results, boolean dryRun) {
    boolean complete = results.stream().noneMatch(result -> result.status().resendable());
    return new BatchResponse(complete, dryRun, BatchSummary.of(results), results);
  }

  /**
   * When resending is worth it: the earliest any resendable item asked for, so the items that can
   * go through then are not kept waiting for the slowest window (the others are answered again
   * without a freee call).
   */
  @JsonIgnore
  public Optional<Duration> retryAfter() {
    return results.stream()
        .filter(result -> result.status().resendable())
        .map(result -> result.retryAfter() == null ? Duration.ofSeconds(1) : result.retryAfter())
        .min(Duration::compareTo);
  }
}
