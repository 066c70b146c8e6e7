package io.invoicebridge.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoicebridge.ledger.LedgerRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

/** What the ledger knows about one key, for {@code GET /v1/invoices?key=}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyStatus(
    String key,
    ItemStatus status,
    @Nullable Long invoiceId,
    @Nullable String invoiceNumber,
    @Nullable Instant createdAt,
    @Nullable Instant claimExpiresAt,
    String payloadHash) {

  public static KeyStatus of(String key, LedgerRecord record) {
    return switch (record) {
      case LedgerRecord.Created created ->
          new KeyStatus(
              key,
              ItemStatus.CREATED,
              created.invoice().invoiceId(),
              created.invoice().invoiceNumber(),
              created.invoice().createdAt(),
              null,
              created.payloadHash());
      case LedgerRecord.Claimed claimed ->
          new KeyStatus(
              key,
              ItemStatus.IN_PROGRESS,
              null,
              null,
              null,
              claimed.expiresAt(),
              claimed.payloadHash());
    };
  }
}
