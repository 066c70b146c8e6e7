package io.invoicebridge.queued;

import java.time.Duration;
import java.util.List;

/**
 * Where submitted items wait for a worker: the local queue, or a cloud's own queue through its
 * adapter. Delivery is at least once; the ledger keeps creation exactly once.
 */
public interface BatchQueue {

  /**
   * Queues messages for delivery as soon as possible.
   *
   * @throws QueuedBatchStoreUnavailableException when the queue cannot be reached
   */
  void send(List<QueuedBatchMessage> messages);

  /**
   * Queues one message for delivery after {@code delay} (a queue may cap it, e.g. SQS at 15
   * minutes: the item is then held back again when it comes).
   *
   * @throws QueuedBatchStoreUnavailableException when the queue cannot be reached
   */
  void sendLater(QueuedBatchMessage message, Duration delay);

  /**
   * Keeps a given-up message for operators (the dead-letter queue), with the reason.
   *
   * @throws QueuedBatchStoreUnavailableException when the queue cannot be reached
   */
  void deadLetter(QueuedBatchMessage message, String reason);
}
