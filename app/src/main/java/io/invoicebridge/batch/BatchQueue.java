package io.invoicebridge.batch;

import java.util.List;

/**
 * Where submitted items wait for a worker: the local queue, or a cloud's own queue through its
 * adapter. Delivery is at least once; the ledger keeps creation exactly once.
 */
public interface BatchQueue {

  /**
   * Queues messages for delivery as soon as possible.
   *
   * @throws BatchStoreUnavailableException when the queue cannot be reached
   */
  void send(List<BatchMessage> messages);
}
