package io.invoicebridge.invoice;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** What happened to one item (docs/api.md). */
@Serdeable
// the wire names for the OpenAPI description, which cannot run wireName() at compile time
// (OpenApiDescriptionTest checks they are these)
@Schema(
    description = "What happened to one item",
    allowableValues = {
      "created",
      "replayed",
      "rejected",
      "conflict",
      "failed",
      "in_progress",
      "not_attempted",
      "dry_run"
    })
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
