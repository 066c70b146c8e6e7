package io.invoicebridge.limit;

/**
 * No freee call was made: a window, its pacing, freee's block or a pause holds calls until after
 * the caller's deadline. {@link #hold()} says which and until when (the item's {@code
 * Retry-After}).
 */
public class RateLimitHeldException extends RuntimeException {

  private final transient Hold hold;

  public RateLimitHeldException(Hold hold) {
    super(hold.detail());
    this.hold = hold;
  }

  public Hold hold() {
    return hold;
  }
}
