package io.invoicebridge.quota;

/**
 * What a freee call is for. Look-ups (reconciliation pages, partner searches, the preflight probe)
 * may spend the reserve creates leave in the hour and the day, and are not spread over the window:
 * an uncertain item must be checkable before anything is created again.
 */
public enum CallKind {
  CREATE,
  LOOKUP
}
