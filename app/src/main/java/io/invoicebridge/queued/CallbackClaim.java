package io.invoicebridge.queued;

/**
 * The answer to {@link QueuedBatchStore#claimCallback}: whether this delivery may send the
 * callback.
 */
public sealed interface CallbackClaim {

  /** This delivery sends the callback now; {@code attempt} counts it (1 for the first). */
  record Claimed(int attempt) implements CallbackClaim {}

  /** Another delivery holds a live claim: it is sending the callback at this moment. */
  record Busy() implements CallbackClaim {}

  /** Every attempt was made (the last one's worker may have stopped mid-send): give it up. */
  record Spent(int attempts) implements CallbackClaim {}

  /**
   * Nothing to send: the callback was delivered or given up, the batch has none or is not finished,
   * or the batch is gone.
   */
  record NotOwed() implements CallbackClaim {}
}
