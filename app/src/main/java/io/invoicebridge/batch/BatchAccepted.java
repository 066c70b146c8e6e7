package io.invoicebridge.batch;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The 202 answer to a submitted batch.
 *
 * @param location where to follow its progress (also the {@code Location} header)
 * @param resubmitted true when the Idempotency-Key named a batch submitted before (nothing new was
 *     queued)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BatchAccepted(String id, String location, int items, boolean resubmitted) {}
