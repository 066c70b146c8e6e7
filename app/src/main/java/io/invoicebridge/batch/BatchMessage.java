package io.invoicebridge.batch;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Objects;

/**
 * One queued item of an asynchronous batch: which item, and how many attempts at it failed so far.
 * Small on purpose (the item itself stays in the {@link BatchStore}), so it fits every cloud's
 * queue.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BatchMessage(String batchId, int index, int attempts) {

  public BatchMessage {
    Objects.requireNonNull(batchId, "batchId");
    if (index < 0 || attempts < 0) {
      throw new IllegalArgumentException("index and attempts must not be negative");
    }
  }

  public BatchMessage nextAttempt() {
    return new BatchMessage(batchId, index, attempts + 1);
  }
}
