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
 * @param heldBack whether the item was held back by a known wait (a spent quota window, a freee
 *     pause or block, the outage breaker) rather than by the request's deadline; not shown, and an
 *     object so that reading a stored result (which never has it) leaves it null
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
    @JsonIgnore @Nullable Duration retryAfter,
    @JsonIgnore @Nullable Boolean heldBack) {

  public static ItemResult of(String key, ItemStatus status, int attempts, String detail) {
    return new ItemResult(key, status, null, null, attempts, null, detail, null, null, null, null);
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
        wait,
        heldBack);
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
        retryAfter,
        heldBack);
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
        retryAfter,
        heldBack);
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
        retryAfter,
        heldBack);
  }

  /** Whether {@link #heldBack} says so. */
  @JsonIgnore
  public boolean isHeldBackByAKnownWait() {
    return Boolean.TRUE.equals(heldBack);
  }

  /** This result, marked as held back by a known wait (see {@link #heldBack}). */
  public ItemResult asHeldBack() {
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
        retryAfter,
        Boolean.TRUE);
  }
}
