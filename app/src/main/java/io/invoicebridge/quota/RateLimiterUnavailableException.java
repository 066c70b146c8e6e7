package io.invoicebridge.quota;

/** The shared rate limiter's store could not be reached; no freee call is made without a slot. */
public class RateLimiterUnavailableException extends RuntimeException {

  public RateLimiterUnavailableException(String step, Throwable cause) {
    super("rate limiter " + step + " failed: " + cause.getClass().getSimpleName(), cause);
  }
}
