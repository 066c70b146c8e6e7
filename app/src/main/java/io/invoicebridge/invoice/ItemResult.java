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
 * @param knownWait whether the item waits for a known instant (a spent quota window, a freee pause
 *     or block, the outage breaker) rather than for the request's deadline to pass; not shown, and
 *     an object so that reading a stored result (which never has it) leaves it null
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
    @JsonIgnore @Nullable Boolean knownWait) {

  public static ItemResult of(String key, ItemStatus status, int attempts, String detail) {
    return new Builder(key, status, attempts).detail(detail).build();
  }

  public static ItemResult invoice(
      String key, ItemStatus status, CreatedInvoice invoice, int attempts, String requestId) {
    return new Builder(key, status, attempts).invoice(invoice).requestId(requestId).build();
  }

  /** {@link #retryAfter} as the {@code Retry-After} header gives it: whole seconds, at least 1. */
  @JsonProperty("retry_after")
  @Nullable
  public Long getRetryAfterSeconds() {
    return retryAfter == null ? null : Long.valueOf(RetryAfter.seconds(retryAfter));
  }

  public ItemResult withRetryAfter(Duration wait) {
    return copy().retryAfter(wait).build();
  }

  public ItemResult withRequestId(@Nullable String requestId) {
    return copy().requestId(requestId).build();
  }

  public ItemResult withErrors(List<String> messages) {
    return copy().errors(messages).build();
  }

  public ItemResult withWouldSend(JsonNode body) {
    return copy().wouldSend(body).build();
  }

  /** Whether {@link #knownWait} says so. */
  @JsonIgnore
  public boolean hasKnownWait() {
    return Boolean.TRUE.equals(knownWait);
  }

  /** This result, marked as waiting for a known instant (see {@link #knownWait}). */
  public ItemResult withKnownWait() {
    return copy().knownWait(Boolean.TRUE).build();
  }

  private Builder copy() {
    return new Builder(key, status, attempts)
        .invoice(invoiceId, invoiceNumber)
        .requestId(freeeRequestId)
        .detail(detail)
        .errors(errors)
        .wouldSend(wouldSend)
        .retryAfter(retryAfter)
        .knownWait(knownWait);
  }

  /** The one place that builds a result from its parts; the factories and withers set a few. */
  private static final class Builder {
    private final String key;
    private final ItemStatus status;
    private final int attempts;
    private @Nullable Long invoiceId;
    private @Nullable String invoiceNumber;
    private @Nullable String requestId;
    private @Nullable String detail;
    private @Nullable List<String> errors;
    private @Nullable JsonNode wouldSend;
    private @Nullable Duration retryAfter;
    private @Nullable Boolean knownWait;

    Builder(String key, ItemStatus status, int attempts) {
      this.key = key;
      this.status = status;
      this.attempts = attempts;
    }

    Builder invoice(CreatedInvoice invoice) {
      return invoice(invoice.invoiceId(), invoice.invoiceNumber());
    }

    Builder invoice(@Nullable Long id, @Nullable String number) {
      this.invoiceId = id;
      this.invoiceNumber = number;
      return this;
    }

    Builder requestId(@Nullable String value) {
      this.requestId = value;
      return this;
    }

    Builder detail(@Nullable String value) {
      this.detail = value;
      return this;
    }

    Builder errors(@Nullable List<String> value) {
      this.errors = value;
      return this;
    }

    Builder wouldSend(@Nullable JsonNode value) {
      this.wouldSend = value;
      return this;
    }

    Builder retryAfter(@Nullable Duration value) {
      this.retryAfter = value;
      return this;
    }

    Builder knownWait(@Nullable Boolean value) {
      this.knownWait = value;
      return this;
    }

    ItemResult build() {
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
          knownWait);
    }
  }
}
