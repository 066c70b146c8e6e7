package io.invoicebridge.config;

import java.time.Duration;

/**
 * The limits on freee calls, time and batch size (docs/configuration.md, "Limits, retries,
 * deadline, outages").
 *
 * @param rateLimitPerMinute freee calls of all instances together in any 60-second window
 * @param rateLimitPerHour freee calls of all instances together in one clock hour
 * @param rateLimitPerDay freee calls of all instances together in one UTC day (freee's daily cap)
 * @param rateLimitInteractiveSharePercent percent of the hour and the day asynchronous batches
 *     leave to interactive requests
 * @param concurrentFreeeCalls freee calls in flight at once per instance
 * @param retryMaxAttempts tries per freee call, the first included
 * @param requestTimeout the request's deadline; the response is written before it
 * @param maxBatchSize items accepted in one batch
 */
public record Limits(
    int rateLimitPerMinute,
    int rateLimitPerHour,
    int rateLimitPerDay,
    int rateLimitInteractiveSharePercent,
    int concurrentFreeeCalls,
    int retryMaxAttempts,
    Duration requestTimeout,
    int maxBatchSize) {}
