package io.invoicebridge.invoice;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** How many items ended in each status. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BatchSummary(
    int created,
    int replayed,
    int rejected,
    int conflict,
    int failed,
    int inProgress,
    int notAttempted,
    int dryRun) {

  public static BatchSummary of(List<ItemResult> results) {
    int[] counts = new int[ItemStatus.values().length];
    results.forEach(result -> counts[result.status().ordinal()]++);
    return new BatchSummary(
        counts[ItemStatus.CREATED.ordinal()],
        counts[ItemStatus.REPLAYED.ordinal()],
        counts[ItemStatus.REJECTED.ordinal()],
        counts[ItemStatus.CONFLICT.ordinal()],
        counts[ItemStatus.FAILED.ordinal()],
        counts[ItemStatus.IN_PROGRESS.ordinal()],
        counts[ItemStatus.NOT_ATTEMPTED.ordinal()],
        counts[ItemStatus.DRY_RUN.ordinal()]);
  }
}
