package io.invoicebridge.timing;

/**
 * Whose work a freee call serves. A person waiting for an answer ({@code INTERACTIVE}: the
 * synchronous API) goes first; queued work of an asynchronous batch ({@code QUEUED}) stops short of
 * each hour's and day's budget by the interactive share ({@code
 * RATE_LIMIT_INTERACTIVE_SHARE_PERCENT}) and takes a paced slot only when it is the next one, so a
 * person's invoice never waits behind a back-office batch for more than the slot already taken.
 */
public enum Lane {
  INTERACTIVE,
  QUEUED
}
