package io.invoicebridge.quota;

/**
 * No freee call was made: a window, its pacing, freee's block or a pause holds calls until after
 * the caller's deadline. {@link #quotaWait()} says which and until when (the item's {@code
 * Retry-After}).
 */
public class QuotaWaitPastDeadlineException extends RuntimeException {

  private final transient QuotaWait quotaWait;

  public QuotaWaitPastDeadlineException(QuotaWait quotaWait) {
    super(quotaWait.detail());
    this.quotaWait = quotaWait;
  }

  public QuotaWait quotaWait() {
    return quotaWait;
  }
}
