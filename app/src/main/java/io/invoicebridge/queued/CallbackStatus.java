package io.invoicebridge.queued;

import java.util.Locale;

/**
 * Where a batch's callback stands: {@code pending} until it is delivered (a 2xx answer) or given up
 * as {@code failed}; both of those are final.
 */
public enum CallbackStatus {
  PENDING,
  DELIVERED,
  FAILED;

  /** The name the API and the store use: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status named {@code wire}; pending when none is recorded yet. */
  static CallbackStatus fromWire(String wire) {
    return wire == null || wire.isEmpty() ? PENDING : valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
