package io.invoicebridge.invoice;

import java.time.Duration;

/** The {@code Retry-After} header's value: whole seconds, rounded up, at least one. */
final class RetryAfter {

  private RetryAfter() {}

  static String seconds(Duration wait) {
    return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
  }
}
