package io.invoicebridge.queued;

import io.invoicebridge.config.Redacted;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A batch about to be recorded.
 *
 * @param bodyHash SHA-256 of the submitted items, so a reused Idempotency-Key with another batch is
 *     told apart from a resend
 * @param idempotencyKey the caller's {@code Idempotency-Key}, or null
 * @param callbackUrl where the final result goes, already checked, or null
 */
public record NewQueuedBatch(
    String id,
    String bodyHash,
    @Nullable String idempotencyKey,
    @Nullable String callbackUrl,
    boolean dryRun,
    Instant createdAt) {

  public NewQueuedBatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bodyHash, "bodyHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Without the callback URL's path and query: they may carry the receiver's secrets. */
  @Override
  public String toString() {
    return "NewQueuedBatch[id="
        + id
        + ", bodyHash="
        + bodyHash
        + ", idempotencyKey="
        + idempotencyKey
        + ", callbackUrl="
        + Redacted.origin(callbackUrl)
        + ", dryRun="
        + dryRun
        + ", createdAt="
        + createdAt
        + "]";
  }
}
