package io.invoicebridge.quota;

import java.time.Instant;

/** What freee's headers said of one window: its limit (0 if absent), calls left and reset. */
public record QuotaReport(Window window, int limit, int remaining, Instant reset) {}
