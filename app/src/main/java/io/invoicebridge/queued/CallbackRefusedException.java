package io.invoicebridge.queued;

/** A callback URL that must not be called; the message completes "callback_url ...". */
public class CallbackRefusedException extends RuntimeException {

  public CallbackRefusedException(String reason) {
    super(reason);
  }
}
