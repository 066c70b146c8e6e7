package io.invoicebridge.invoice;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** What happened to one item (README "API (v1)"). */
@Serdeable
public enum ItemStatus {
  CREATED(false),
  REPLAYED(false),
  REJECTED(false),
  CONFLICT(false),
  FAILED(true),
  IN_PROGRESS(true),
  NOT_ATTEMPTED(true),
  DRY_RUN(false);

  private final boolean resendable;

  ItemStatus(boolean resendable) {
    this.resendable = resendable;
  }

  /** Whether resending the same item may still change the outcome (the batch is incomplete). */
  public boolean resendable() {
    return resendable;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
