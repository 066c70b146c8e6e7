package io.invoicebridge.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/** The freee invoice a key produced. {@code invoiceNumber} is null when freee returned none. */
@Serdeable
public record CreatedInvoice(long invoiceId, @Nullable String invoiceNumber, Instant createdAt) {
  public CreatedInvoice {
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
