package io.invoicebridge.queued;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The 202 answer to a submitted batch.
 *
 * @param location where to follow its progress (also the {@code Location} header)
 * @param resubmitted true when the Idempotency-Key named a batch submitted before (nothing new was
 *     queued)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "BatchAccepted")
public record QueuedBatchAccepted(String id, String location, int items, boolean resubmitted) {}
