package io.invoicebridge.invoice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.invoicebridge.ledger.CreatedInvoice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one item as the caller sees it.
 *
 * @param detail why a resendable or refused item ended as it did, in words
 * @param errors freee's own messages for a rejected item
 * @param wouldSend in dry run, the exact body the bridge would send to freee
 * @param retryAfter for resendable items, when a resend may succeed (in the JSON as {@code
 *     retry_after}, whole seconds like the {@code Retry-After} header)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ItemResult(
    String key,
    ItemStatus status,
    @Nullable Long invoiceId,
    @Nullable String invoiceNumber,
    int attempts,
    @Nullable String freeeRequestId,
    @Nullable String detail,
    @Nullable List<String> errors,
    @Nullable JsonNode wouldSend,
    @JsonIgnore @Nullable Duration retryAfter) {

  public static ItemResult of(String key, ItemStatus status, int attempts, String detail) {
    return new ItemResult(key, status, null, null, attempts, null, detail, null, null, null);
  }

  public static ItemResult invoice(
      String key, ItemStatus status, CreatedInvoice invoice, int attempts, String requestId) {
    return new ItemResult(
        key,
        status,
        invoice.invoiceId(),
        invoice.invoiceNumber(),
        attempts,
        requestId,
        null,
        null,
        null,
        null);
  }

  /** {@link #retryAfter} as the {@code Retry-After} header gives it: whole seconds, at least 1. */
  @JsonProperty("retry_after")
  @Nullable
  public Long getRetryAfterSeconds() {
    return retryAfter == null ? null : Long.valueOf(RetryAfter.seconds(retryAfter));
  }

  public ItemResult withRetryAfter(Duration wait) {
    return new ItemResult(
        key,
        status,
        invoiceId,
        invoiceNumber,
        attempts,
        freeeRequestId,
        detail,
        errors,
        wouldSend,
        wait);
  }

  public ItemResult withRequestId(@Nullable String requestId) {
    return new ItemResult(
        key,
        status,
        invoiceId,
        invoiceNumber,
        attempts,
        requestId,
        detail,
        errors,
        wouldSend,
        retryAfter);
  }

  public ItemResult withErrors(List<String> messages) {
    return new ItemResult(
        key,
        status,
        invoiceId,
        invoiceNumber,
        attempts,
        freeeRequestId,
        detail,
        messages,
        wouldSend,
        retryAfter);
  }

  public ItemResult withWouldSend(JsonNode body) {
    return new ItemResult(
        key,
        status,
        invoiceId,
        invoiceNumber,
        attempts,
        freeeRequestId,
        detail,
        errors,
        body,
        retryAfter);
  }
}
