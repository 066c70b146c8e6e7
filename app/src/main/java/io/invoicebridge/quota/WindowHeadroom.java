package io.invoicebridge.quota;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One window as the limiter counts it, for preflight and health. */
@Serdeable
public record WindowHeadroom(Window window, int limit, int remaining, Instant resetsAt) {}
