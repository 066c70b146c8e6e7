package io.invoicebridge.queued;

/**
 * One item of a batch as a worker finds it when its message arrives.
 *
 * @param text the item's JSON text, as submitted
 * @param settled whether the item already has its final result (a message delivered again after its
 *     worker stopped before the queue heard of it)
 * @param callbackOwed whether the batch is finished and its callback still pending (see {@link
 *     QueuedBatchStore#record})
 */
public record QueuedItem(String text, boolean settled, boolean callbackOwed) {}
